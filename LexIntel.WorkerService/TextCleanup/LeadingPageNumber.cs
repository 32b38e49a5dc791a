using System.Text.RegularExpressions;

namespace LexIntel.WorkerService.TextCleanup;

/// <summary>
/// A page number printed on the same line as the first text of its page, as the Supreme Court's
/// slip opinions put "1" before "(Slip Opinion) OCTOBER TERM, 2012": cut when it is the page's own
/// number and not a numbered paragraph ("3." or "3)").
/// </summary>
internal static partial class LeadingPageNumber
{
    public static void Cut(IReadOnlyList<PageLine> lines, int pageNumber)
    {
        if (lines.FirstOrDefault(l => l.IsContent) is { } first
            && Leading().Match(first.Text) is { Success: true } match
            && int.TryParse(match.Groups["number"].ValueSpan, out var number)
            && number == pageNumber)
        {
            first.Cut(match.Length);
        }
    }

    [GeneratedRegex(@"^\s*(?<number>\d{1,4})\s+(?=[^\s\d.)])", RegexOptions.CultureInvariant)]
    private static partial Regex Leading();
}
