using System.Text;
using System.Text.RegularExpressions;

namespace LexIntel.Shared.Citations;

/// <summary>Public-domain citations, chapter-based codes and statute parentheticals.</summary>
internal static partial class CitationPatterns
{
    // A court abbreviation word of a public-domain citation: "ND", "App", "Ark.", "CIV".
    private const string NeutralWord = @"(?>[A-Z][A-Za-z.]{0,6})";

    /// <summary>
    /// <c>2017 ND 89</c>, <c>2019 IL App (1st) 181262-U</c>, <c>2015-Ohio-4001</c>, <c>2012-NMSC-022</c>, <c>2019 WY 60A</c>:
    /// the year, the court's abbreviation (checked against reporters-db's neutral series) and the decision's number.
    /// </summary>
    [GeneratedRegex(@"(?<![\w.,§/\-])(?<year>(?:19|20)\d\d)(?:-(?<court>[A-Z][A-Za-z]{1,6})-|\s{1,3}(?<court>" + NeutralWord + @"(?:\s" + NeutralWord + @"){0,2}(?:\s\((?:1st|2n?d|3r?d|4th|5th)\))?)\s{1,3})(?<number>\d{1,7}(?:-U|[AMN])?)(?![\w\-])", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex NeutralCitation();

    /// <summary>Where a chapter-based code may end: <c>ch. 93A</c>, <c>c. 231</c>, <c>chapter 604</c>.</summary>
    [GeneratedRegex(@"(?<![\w.])(?:ch\.|c\.|chapter)\s{0,2}\d", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex ChapterMark();

    /// <summary><c>Mass. Gen. Laws ch. 93A, § 9</c>, <c>G. L. c. 231, § 60B</c>, <c>Minn. Stat. ch. 604</c>, <c>ch. 93A, §§ 2-11</c>.</summary>
    [GeneratedRegex(@"(?<![\w.])(?<code>" + Token + @"(?:\s{0,3}" + Token + @"){0,7}),?\s{0,3}(?:ch\.|c\.|chapter)\s{0,2}(?<chapter>\d{1,4}[A-Z]{0,2})(?:,?\s{0,3}(?:(?<plural>§§|[Ss]ections\b)|§|[Ss]ec(?:tion)?\b\.?)\s{0,3}(?<section>" + Section + @")(?:\s{0,3}(?:[-–—]|to|through)\s{0,3}(?<end>" + Section + @"))?)?(?![\w])", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex ChapterCode();

    /// <summary>A statute's parenthetical year, with the publisher or supplement if any: <c>(2018)</c>, <c>(West 2020)</c>, <c>(McKinney Supp. 2021)</c>.</summary>
    [GeneratedRegex(@"\G\s{0,3}\((?:[A-Z][A-Za-z.&']{0,15}(?:\s[A-Z][A-Za-z.&']{0,15}){0,2}\s)?(?<year>(?:1[89]|20)\d\d)\)", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex StatuteYear();

    /// <summary><c>735 ILCS 5/2-619</c>, <c>735 Ill. Comp. Stat. 5/13-202</c>: chapter, code, act and section.</summary>
    [GeneratedRegex(@"(?<![\w.])(?<title>\d{1,3})\s{1,3}(?<code>" + Token + @"(?:\s{0,3}" + Token + @"){0,4})\s{1,3}(?<act>\d{1,4})\s{0,2}/\s{0,2}(?<section>" + Section + @")(?![\w])", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex ChapterActSection();

    /// <summary>
    /// Codes written before a bare section number (<c>RCW 4.16.080</c>, <c>N.Y. C.P.L.R. 3211(a)(7)</c>),
    /// from the supplement's list: literal spellings, a space allowed after each period.
    /// </summary>
    public static Regex CodeBeforeBareSection(IEnumerable<string> spellings)
    {
        var alternatives = spellings.Select(s => ReporterCatalog.Compact(s)).OrderByDescending(s => s.Length).Select(spelling =>
        {
            var pattern = new StringBuilder();
            for (var i = 0; i < spelling.Length; i++)
            {
                pattern.Append(Regex.Escape(spelling[i].ToString()));
                if (spelling[i] == '.' && i + 1 < spelling.Length)
                {
                    pattern.Append(@"\s?");
                }
            }

            return pattern.ToString();
        });
        return new Regex(@"(?<![\w.])(?<code>" + string.Join('|', alternatives) + @")\s{1,3}(?<section>" + Section + @")(?![\w])", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(Timeout));
    }
}
