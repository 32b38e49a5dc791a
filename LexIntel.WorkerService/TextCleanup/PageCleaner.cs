using System.Text.RegularExpressions;
using LexIntel.WorkerService.Extraction;

namespace LexIntel.WorkerService.TextCleanup;

/// <summary>
/// Takes a document's page furniture off its pages before they are chunked: filing stamps (by
/// pattern), pleading paper's line numbers (a column of consecutive numbers), running heads and
/// footers (repeated at the edges of many pages) and page numbers (a number alone at a page's edge,
/// anywhere when the numbers follow the pages, or the page's own number before its first text),
/// then joins words hyphenated across line and page ends. Body text is left as it was: a line goes
/// only as a whole, and only when it is at a page's edge, part of a number column or a stamp.
/// </summary>
public static partial class PageCleaner
{
    /// <summary>A number alone is a page number only as the first or last line of a page; inside, it is a list or a table.</summary>
    private const int BareNumberDepth = 1;

    /// <summary>"- 3 -" or "Page 3" is a page number among the first or last few lines too (below a rule or beside a footer).</summary>
    private const int MarkedNumberDepth = 3;

    /// <summary>Removing a head can expose a page number under it, and the other way round.</summary>
    private const int Passes = 3;

    public static CleanedDocument Clean(IReadOnlyList<ExtractedPage> pages)
    {
        var stamps = new List<IReadOnlyList<FilingStamp>>(pages.Count);
        var lines = new List<IReadOnlyList<PageLine>>(pages.Count);
        foreach (var page in pages)
        {
            var text = page.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
            stamps.Add(FilingStamps.Find(text));
            lines.Add([.. FilingStamps.Remove(text).Split('\n').Select(l => new PageLine(l))]);
        }

        foreach (var page in lines)
        {
            LineNumberColumns.Remove(page);
        }

        PageNumberSequence.Remove(lines);

        for (var pass = 0; pass < Passes; pass++)
        {
            RunningLines.Remove(lines);
            foreach (var page in lines)
            {
                var numbers = PageEdges.Of(page, BareNumberDepth).Where(l => PageNumbers.IsPageNumber(l.Text))
                    .Concat(PageEdges.Of(page, MarkedNumberDepth).Where(l => PageNumbers.IsMarked(l.Text)));
                foreach (var line in numbers.ToList())
                {
                    line.Removed = true;
                }
            }
        }

        for (var i = 0; i < pages.Count; i++)
        {
            LeadingPageNumber.Cut(lines[i], pages[i].Number);
        }

        var texts = lines.Select(page => string.Join('\n', page.Where(l => !l.Removed).Select(l => l.Text)).Trim()).ToArray();
        var hyphenation = new Hyphenation(texts);
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = hyphenation.Join(texts[i]);
        }

        JoinAcrossPages(texts, hyphenation);

        var cleaned = pages.Select((page, i) => new CleanedPage(
            page with { Text = texts[i] },
            [
                .. stamps[i].Select(s => Spaces().Replace(s.Text, " ").Trim()),
                .. lines[i].Select(l => l.Removed ? l.Text.Trim() : l.CutPrefix).Where(f => !string.IsNullOrEmpty(f)).Cast<string>(),
            ])).ToList();
        var (docket, filedOn) = Facets(stamps.SelectMany(s => s).ToList());
        return new CleanedDocument(cleaned, docket, filedOn);
    }

    /// <summary>A word hyphenated at the end of a page is completed there with its continuation from the next page.</summary>
    private static void JoinAcrossPages(string[] texts, Hyphenation hyphenation)
    {
        for (var i = 0; i + 1 < texts.Length; i++)
        {
            var end = PageEndFragment().Match(texts[i]);
            var start = PageStartContinuation().Match(texts[i + 1]);
            if (end.Success && start.Success)
            {
                var word = hyphenation.Joined(end.Groups["first"].Value, start.Groups["second"].Value);
                texts[i] = string.Concat(texts[i].AsSpan(0, end.Index), word, start.Groups["rest"].Value);
                texts[i + 1] = texts[i + 1][start.Length..].TrimStart();
            }
        }
    }

    /// <summary>
    /// The document's docket number and filing date: those of most of its stamps (an exhibit
    /// attached to a filing carries the filing's stamp too). A district docket number is kept
    /// without the judges' initials, which change when a case is reassigned.
    /// </summary>
    private static (string? Docket, DateOnly? FiledOn) Facets(List<FilingStamp> stamps)
    {
        if (stamps.Count == 0)
        {
            return (null, null);
        }

        var byDocket = stamps.GroupBy(s => DistrictDocket().Match(s.DocketNumber) is { Success: true } m ? m.Value : s.DocketNumber, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).First();
        var filedOn = byDocket.Where(s => s.FiledOn is not null).GroupBy(s => s.FiledOn).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        return (byDocket.Key, filedOn);
    }

    [GeneratedRegex(@"^\d{1,2}:\d{2}-[A-Za-z]{1,4}-\d{1,6}", RegexOptions.CultureInvariant)]
    private static partial Regex DistrictDocket();

    [GeneratedRegex(@"(?<first>\p{L}{2,})-$", RegexOptions.CultureInvariant)]
    private static partial Regex PageEndFragment();

    [GeneratedRegex(@"^(?<second>\p{Ll}\p{L}*)(?<rest>[^\s]*)", RegexOptions.CultureInvariant)]
    private static partial Regex PageStartContinuation();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
