using System.Globalization;
using System.Text.RegularExpressions;

namespace LexIntel.WorkerService.TextCleanup;

/// <summary>
/// The stamps that CM/ECF prints across the top of every page of a filing, recognised by pattern:
/// the appellate family (<c>Case: 21-50498 Document: 00516242060 Page: 2 Date Filed: 03/16/2022</c>),
/// the district family (<c>Case 1:16-cv-01234-ABC Document 40 Filed 03/16/22 Page 2 of 4 PageID #: 87</c>)
/// and the courts' variants of both (<c>ECF No. 40, PageID.123</c>, <c>Doc # 40 … Pg ID 123</c>,
/// <c>USDC Colorado pg 2 of 4</c>, <c>DktEntry: 40</c>, <c>Entry ID: 6412345</c>).
/// </summary>
/// <remarks>
/// A stamp is "Case" and a docket number (a district one may stand alone) followed by at least two of the stamp's fields, one naming
/// the filing (Document, ECF No., DktEntry…) and one placing it (Filed, Page…). A sentence that
/// mentions "Document 40" or "Case No. 1:16-cv-01234" has neither the run of fields nor both kinds,
/// so it stays. PDF text extraction sometimes glues the stamp to its neighbours ("…EYES ONLYCase 2:…"),
/// so the stamp is matched inside a line, not only as a whole line.
/// </remarks>
public static partial class FilingStamps
{
    /// <summary>The filing stamps on <paramref name="pageText"/>, in order.</summary>
    public static IReadOnlyList<FilingStamp> Find(string pageText) =>
        [.. Matches(pageText).Select(m => new FilingStamp(m.Value, m.Groups["docket"].Value, ParseDate(m)))];

    /// <summary><paramref name="pageText"/> without its filing stamps (the rest of each line left as it was).</summary>
    public static string Remove(string pageText)
    {
        var matches = Matches(pageText).ToList();
        if (matches.Count == 0)
        {
            return pageText;
        }

        var builder = new System.Text.StringBuilder(pageText.Length);
        var at = 0;
        foreach (var match in matches)
        {
            builder.Append(pageText, at, match.Index - at);
            at = match.Index + match.Length;
        }

        return builder.Append(pageText, at, pageText.Length - at).ToString();
    }

    private static IEnumerable<Match> Matches(string text) =>
        Stamp().Matches(text).Where(m => m.Groups["names"].Success && m.Groups["places"].Success);

    private static DateOnly? ParseDate(Match match)
    {
        var date = match.Groups["date"];
        if (!date.Success)
        {
            return null;
        }

        // CM/ECF prints two-digit years and has been in use since the late 1990s.
        string[] formats = ["M/d/yyyy", "M/d/yy"];
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.Calendar.TwoDigitYearMax = 2069;
        return DateOnly.TryParseExact(date.Value, formats, culture, DateTimeStyles.None, out var filed) ? filed : null;
    }

    // A district docket number is distinctive enough to start a stamp without "Case" (the Eastern
    // District of Michigan's older stamps). Fields are separated by spaces, commas or a line break (a stamp wraps when the page is narrow);
    // the Second Circuit's bare date and entry number count only after a comma, as it prints them.
    // "names" and "places" are captured by the fields that name the filing and that place it; a
    // match without both is not a stamp.
    [GeneratedRegex("""
        (?:
          (?:Case|CASE|Appeal)(?::|\s+No\.)?\s*(?<docket>\d{1,2}:\d{2}-[A-Za-z]{1,4}-\d{1,6}(?:-[A-Z]{1,5})*|\d{2}-\d{1,6})
        | (?<![\d:-])(?<docket>\d{1,2}:\d{2}-[A-Za-z]{1,4}-\d{1,6}(?:-[A-Z]{1,5})*)
        )
        (?:[ \t]*[,\n]?[ \t]*
          (?:
            (?<names>(?:Document|Doc\.?(?:\s*\#)?|ECF\s+No\.|DktEntry):?\s*\d+(?:-\d+)?(?:\s*\([A-Za-z ]{1,30}\))?)
          | (?<names>Entry\s+ID:?\s*\d+)
          | (?<places>(?:Date\s+)?[Ff]iled:?\s*(?<date>\d{1,2}/\d{1,2}/\d{2}(?:\d{2})?))
          | (?<places>(?:Page|Pages|pg|Pg):?\s*\d+(?:\s+of\s+\d+)?)
          | (?<places>USDC\s+[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)
          | (?:Page\s?ID|Pg\s?ID)\s*(?:\#\s*:?|\.)?\s*\d[\d,]*
          | ID:\s*\d+
          | (?<=,\s*)(?<date>\d{1,2}/\d{1,2}/\d{4})
          | (?<=,\s*)\d{5,}
          )
        ){2,10}
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Stamp();
}
