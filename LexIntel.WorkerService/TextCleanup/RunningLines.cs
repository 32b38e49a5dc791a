using System.Text.RegularExpressions;

namespace LexIntel.WorkerService.TextCleanup;

/// <summary>
/// Running heads and footers: lines at the edges of many pages that read the same once their digits
/// are set aside ("No. 21-50498 3", "No. 21-50498 4"). A line must recur on at least
/// <see cref="MinPages"/> pages and on <see cref="MinShare"/> of them: a short order's caption seen
/// twice is not a running head, and a compilation's exhibits each bring their own footers.
/// </summary>
internal static partial class RunningLines
{
    public const int MinPages = 3;

    public const double MinShare = 0.2;

    /// <summary>Lines this far from either edge of a page count (a head or footer block of a few lines).</summary>
    public const int EdgeDepth = 4;

    public static void Remove(IReadOnlyList<IReadOnlyList<PageLine>> pages)
    {
        var pagesWith = new Dictionary<string, int>(StringComparer.Ordinal);
        var inBody = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var edges = PageEdges.Of(page, EdgeDepth).ToHashSet();
            foreach (var key in edges.Select(l => Key(l.Text)).Where(k => k.Any(char.IsLetter)).Distinct())
            {
                pagesWith[key] = pagesWith.GetValueOrDefault(key) + 1;
            }

            foreach (var line in page.Where(l => l.IsContent && !edges.Contains(l)))
            {
                var key = Key(line.Text);
                inBody[key] = inBody.GetValueOrDefault(key) + 1;
            }
        }

        // A line met in the body of pages as often as at their edges is the document's own text
        // (a declaration's "12. Attached hereto as Exhibit 10 is a true and correct" on every page).
        var needed = Math.Max(MinPages, (int)Math.Ceiling(pages.Count * MinShare));
        var running = pagesWith.Where(p => p.Value >= needed && inBody.GetValueOrDefault(p.Key) < p.Value).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        if (running.Count == 0)
        {
            return;
        }

        foreach (var page in pages)
        {
            foreach (var line in PageEdges.Of(page, EdgeDepth).Where(l => running.Contains(Key(l.Text))).ToList())
            {
                line.Removed = true;
            }
        }
    }

    /// <summary>The line with its numbers set aside: digits, and a lower-case roman page number at either end (front matter's "i CASE NO. …").</summary>
    private static string Key(string line) => Spaces().Replace(EdgeRoman().Replace(Digits().Replace(line.Trim(), "#"), "#"), " ");

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"^[ivxl]{1,6}(?=\s)|(?<=\s)[ivxl]{1,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex EdgeRoman();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
