using System.Text.RegularExpressions;

namespace LexIntel.WorkerService.TextCleanup;

/// <summary>Lines that are nothing but a page number: <c>3</c>, <c>- 3 -</c>, <c>Page 3</c>, <c>Page 3 of 10</c>, <c>3 of 10</c>, <c>iv</c>.</summary>
public static partial class PageNumbers
{
    public static bool IsPageNumber(string line) => PageNumber().IsMatch(line);

    /// <summary>A page number that says it is one (<c>- 3 -</c>, <c>Page 3 of 10</c>), unlike a bare number that a list or a table could hold.</summary>
    public static bool IsMarked(string line) => IsPageNumber(line) && Marked().IsMatch(line);

    /// <summary>The line's number when it is a bare integer (a page number or a pleading paper's line number).</summary>
    public static int? BareNumber(string line) =>
        BareInteger().Match(line) is { Success: true } m && int.TryParse(m.Groups[1].ValueSpan, out var n) ? n : null;

    [GeneratedRegex(@"^\s*(?:[-–—]\s*)?(?:(?:Page|PAGE)\s+)?(?:\d{1,4}|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))(?:\s+of\s+\d{1,4})?(?:\s*[-–—])?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^\s*(?:[-–—]|Page|PAGE)", RegexOptions.CultureInvariant)]
    private static partial Regex Marked();

    [GeneratedRegex(@"^\s*(\d{1,4})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareInteger();
}
