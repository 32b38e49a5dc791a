using System.Buffers;
using System.Text.RegularExpressions;

namespace LexIntel.Shared.Citations;

/// <summary>
/// The extractor's regular expressions, source-generated. Abbreviation tokens are atomic groups
/// and repetitions are bounded, so no input makes them backtrack more than a few steps a character.
/// </summary>
internal static partial class CitationPatterns
{
    // One abbreviation token: "F.", "Supp.", "App'x", "2d", "4th", "&".
    private const string Token = @"(?>[A-Z][A-Za-z'’]{0,15}\.?|\d{1,2}(?:d|st|nd|rd|th)\b\.?|&)";

    private const string Section = @"\d{1,6}[A-Za-z]{0,3}(?:[.:\-]\d{1,6}[A-Za-z]{0,3}){0,4}(?:\([A-Za-z0-9]{1,5}\)){0,6}";

    private const int Timeout = 1000;

    /// <summary><c>410 U. S. 113</c>, <c>95 Harv. L. Rev. 1</c>, <c>410 U.S., at 120</c>, <c>569 U. S. ___</c>, <c>323 Pa. 560a</c>, <c>521 U.S. xiii</c>.</summary>
    [GeneratedRegex(@"(?<![\w.,§])(?<volume>\d{1,4})\s{1,4}(?<series>" + Token + @"(?:\s{0,3}" + Token + @"){0,7})(?:\s{0,3},?\s{1,4}at\s{1,3}" + PagesMark + @"(?<at>" + Pin + @")|\s{0,3},?\s{1,4}(?<page>(?>\d{1,7})(?<letter>[A-Za-z])?|_{2,}|-{2,}|(?<roman>" + RomanPage + @")))(?![\w])", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex VolumeSeriesPage();

    /// <summary>A parenthetical with a year: <c>(9th Cir. 2001)</c>, <c>(1973)</c>, <c>(D. Mass. Jan. 5, 2015)</c>.</summary>
    [GeneratedRegex(@"\G\s{0,3}\((?<court>[^()]{0,60}?)[\s,]{0,3}(?<year>1[6-9]\d\d|20\d\d)\)", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex Parenthetical();

    /// <summary>A trailing month and day in a parenthetical's court part: <c>Jan. 5,</c>.</summary>
    [GeneratedRegex(@"\s*(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s{0,2}\d{1,2},?$", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex TrailingDate();

    /// <summary><c>42 U.S.C. § 1983</c>, <c>Mo. Rev. Stat. § 566.151</c>, <c>Okla. Stat. tit. 82, § 1324.10</c>, <c>21, United States Code, Section 853</c>.</summary>
    [GeneratedRegex(@"(?<![\w.])(?:(?<title>\d{1,3}),?\s{1,3})?(?<code>" + Token + @"(?:\s{0,3}" + Token + @"){0,7}),?\s{0,3}(?:[Tt]it\.\s{0,2}(?<tit>\d{1,3}),?\s{0,3})?(?:(?<plural>§§|[Ss]ections\b|[Ss]ecs\b\.?)|§|[Ss]ec(?:tion)?\b\.?)\s{0,3}(?<section>" + Section + @")(?:\s{0,3}(?:[-–—]|to|through)\s{0,3}(?<end>" + Section + @"))?(?![\w])", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex CodeSection();

    /// <summary>
    /// The United States Code and the Code of Federal Regulations cited without a section mark:
    /// <c>17 C.F.R. 240.10b-5</c>. The title is looked for behind the code (so the search runs from
    /// each U or C, not from every number); a match starts at the code, the title group where the citation does.
    /// </summary>
    [GeneratedRegex(@"(?<=(?<![\w.])(?<title>\d{1,3})\s{1,3})(?<code>U\.?\s?S\.?\s?C\.?(?:\s?[AS]\.)?|C\.?\s?F\.?\s?R\.?)\s{1,3}(?<section>" + Section + @")(?![\w])", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex CodeWithoutSectionMark();

    /// <summary><c>Fed. R. Civ. P. 12(b)(6)</c>, <c>Federal Rule of Evidence 403</c>.</summary>
    [GeneratedRegex(@"(?<![\w.])(?:Fed\.\s{0,2}R\.|Federal\s{1,3}Rules?\s{1,3}of)\s{0,3}(?:(?<civ>Civ(?:il|\.)\s{0,3}(?:P(?:roc)?\.|Procedure))|(?<crim>Crim(?:inal|\.)\s{0,3}(?:P(?:roc)?\.|Procedure))|(?<evid>Evid(?:\.|ence))|(?<app>App(?:ellate|\.)\s{0,3}(?:P(?:roc)?\.|Procedure))|(?<bankr>Bankr(?:uptcy|\.)\s{0,3}(?:P(?:roc)?\.|Procedure)))\s{0,3}(?<rule>\d{1,4}(?:\.\d{1,3})?(?:\([A-Za-z0-9]{1,5}\)){0,6})", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex CourtRule();

    /// <summary>What every <see cref="Id"/> begins with.</summary>
    public static readonly SearchValues<string> IdStarts = SearchValues.Create(["Id.", "id.", "Ibid", "ibid"], StringComparison.Ordinal);

    /// <summary>What every <see cref="SectionMark"/> begins with, but the section sign.</summary>
    public static readonly SearchValues<string> SectionMarkStarts = SearchValues.Create(["Sec", "sec", "Tit", "tit"], StringComparison.Ordinal);

    /// <summary><c>Id.</c>, <c>id. at 5</c>, <c>Ibid.</c>, <c>Id. § 1292(a)(1)</c>, tried only at <see cref="IdStarts"/> (<see cref="AnchoredMatches"/>).</summary>
    [GeneratedRegex(@"\G(?<![\w.])(?:[Ii]d\.|[Ii]bid\b\.?)(?:,?\s{1,3}(?:at\s{1,3}" + PagesMark + @"|(?=¶))(?<pin>" + Pin + @")|\s{1,3}§§?\s{0,3}(?<section>" + Section + @")(?![\w]))?", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex Id();

    /// <summary>
    /// <c>Roe, supra</c>, <c>Roe, supra, at 120</c>. The name is looked for behind the word, so the
    /// search runs from each "supra" rather than from every capitalized word (70 times faster).
    /// </summary>
    [GeneratedRegex(@"(?<=(?<![\w.])(?<name>[A-Z][A-Za-z'’\-]{1,30}(?:\s{1,2}[A-Z][A-Za-z'’\-]{1,30}){0,2}),?\s{1,3})supra\b(?:,?\s{1,3}at\s{1,3}" + PagesMark + @"(?<pin>" + Pin + @"))?", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex Supra();

    /// <summary>
    /// <c>Celotex at 323</c>: a word that may be a party's name, and a pin; the name is looked for
    /// behind "at", as in <see cref="Supra"/>. A match starts at "at": the name group says where the reference does.
    /// </summary>
    [GeneratedRegex(@"(?<=(?<![\w.])(?<name>[A-Z][A-Za-z'’\-]{2,30})\s{1,3})at\s{1,3}(?<pin>" + Pin + @")(?![\w])", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex NameAt();

    /// <summary>What every code citation has after its code: a section mark or a title; tried only at <see cref="SectionMarkStarts"/> and <c>§</c>.</summary>
    [GeneratedRegex(@"\G(?:§|\b(?:[Ss]ec(?:tions?|s)?|[Tt]it)\b)", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex SectionMark();

    /// <summary>Citations to the record (<c>1 App. 24</c>, <c>J.A. 12</c>, <c>Tr. 5</c>), which an Id. after them refers to.</summary>
    [GeneratedRegex(@"(?<![\w.])(?:\d{1,3}\s{1,3})?(?:App\.|J\.\s?A\.|Tr\.|Br\.|Rec\.|R\.)\s{0,3}\d", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex RecordCitation();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex Whitespace();

    [GeneratedRegex(@"\s?[-–—]\s?", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex Dash();
}
