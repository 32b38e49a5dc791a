using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LexIntel.Tests.Harness;
using Microsoft.Playwright;

namespace LexIntel.Tests.Browser;

/// <summary>What the browser tests check of every screen: a screenshot to look at, and axe-core's verdict.</summary>
internal static class Screens
{
    /// <summary>Git-ignored (under <c>TestResults/</c>); the docs' images are copies of these.</summary>
    public static string Folder { get; } = Path.Combine(TestData.RepositoryRoot, "TestResults", "screenshots");

    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },

        // The PDF viewer's frames are Chromium's own, not the app's.
        Iframes = false,
    };

    /// <summary>Saves the screen as <paramref name="name"/>.png and fails on a serious or critical WCAG 2.1 AA violation.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}.png"), FullPage = true });
        var result = await page.RunAxe(WcagAA);
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe-core on '{name}':\n{string.Join('\n', serious)}");
    }
}
