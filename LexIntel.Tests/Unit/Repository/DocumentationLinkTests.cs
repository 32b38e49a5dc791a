using System.Text.RegularExpressions;

namespace LexIntel.Tests.Unit.Repository;

/// <summary>Every relative link in README.md and docs/ leads to a file that exists and, for an anchor into Markdown, to a heading.</summary>
[Tier(TestTier.Unit)]
public sealed partial class DocumentationLinkTests
{
    public static TheoryData<string> Pages() =>
        [.. Directory.GetFiles(Path.Combine(TestData.RepositoryRoot, "docs"), "*.md").Append(Path.Combine(TestData.RepositoryRoot, "README.md"))
            .Select(p => Path.GetRelativePath(TestData.RepositoryRoot, p))];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_leads_somewhere(string page)
    {
        var path = Path.Combine(TestData.RepositoryRoot, page);
        var broken = new List<string>();
        foreach (var link in Links(File.ReadAllLines(path)))
        {
            if (link.Contains("://", StringComparison.Ordinal) || link.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = link.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? link : link[..hash];
            var target = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                broken.Add($"{link}: no such file");
            }
            else if (hash >= 0 && target.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllLines(target)).Contains(link[(hash + 1)..]))
            {
                broken.Add($"{link}: no heading makes that anchor");
            }
        }

        Assert.True(broken.Count == 0, $"{page}: {string.Join("; ", broken)}");
    }

    private static IEnumerable<string> Links(IEnumerable<string> lines) =>
        OutsideCode(lines).SelectMany(line => LinkTarget().Matches(InlineCode().Replace(line, string.Empty)).Select(m => m.Groups[1].Value));

    /// <summary>The anchors GitHub makes of the headings: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static HashSet<string> Anchors(IEnumerable<string> lines) =>
        [.. OutsideCode(lines).Where(l => l.StartsWith('#')).Select(l => NotInAnchor().Replace(l.TrimStart('#').Trim().ToLowerInvariant(), string.Empty).Replace(' ', '-'))];

    private static IEnumerable<string> OutsideCode(IEnumerable<string> lines)
    {
        var fenced = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            else if (!fenced)
            {
                yield return line;
            }
        }
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"[^\p{L}\p{N} _-]")]
    private static partial Regex NotInAnchor();
}
