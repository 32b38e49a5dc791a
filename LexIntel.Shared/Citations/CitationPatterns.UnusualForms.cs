using System.Text.RegularExpressions;

namespace LexIntel.Shared.Citations;

/// <summary>Years written elsewhere than a parenthetical after the citation, blank volumes and pages, pages that are no numbers.</summary>
internal static partial class CitationPatterns
{
    // A Roman numeral up to 399, all lower case or all capitals; the lookahead keeps it from matching nothing.
    private const string RomanPage = @"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})|(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})";

    // A blank left for a volume or page the reporter has not printed yet: "___", "----".
    private const string Blank = @"(?:_{2,}|-{2,})";

    /// <summary>New York's court and year in brackets after a citation: <c>[1976]</c>, <c>[2d Dept 2009]</c>, <c>[SD NY 2010]</c>.</summary>
    [GeneratedRegex(@"\G\s{0,3}\[(?<court>[^\[\]]{0,60}?)[\s,]{0,3}(?<year>1[6-9]\d\d|20\d\d)\]", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex BracketedYear();

    /// <summary>A citation to a volume not yet printed: <c>___ U.S. ___</c>, <c>---- L. Ed. 2d ----</c>.</summary>
    [GeneratedRegex(@"(?<![\w.,§\-_])" + Blank + @"\s{1,4}(?<series>" + Token + @"(?:\s{0,3}" + Token + @"){0,7})\s{0,3},?\s{1,4}(?<page>" + Blank + @")(?![\w\-_])", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex BlankVolume();

    /// <summary>What marks a looseleaf service's paragraph: <c>¶</c>, Westlaw's <c>P</c>, <c>par.</c>.</summary>
    [GeneratedRegex(@"¶|(?<![\w])P(?=\s{0,2}\d)|(?<![\w])para?\.", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex ParagraphMark();

    /// <summary><c>Fed. Sec. L. Rep. (CCH) ¶ 72,145</c>, <c>1990-1 Trade Cas. (CCH) ¶ 68,989</c>, <c>140 Lab. Cas. (CCH) P58,886A</c>.</summary>
    [GeneratedRegex(@"(?<![\w.,§])(?:(?<volume>\d{4}-\d|\d{1,4})\s{1,4})?(?<series>" + Token + @"(?:\s{0,3}" + Token + @"){0,7}(?:\s{0,3}[(\[](?:CCH|C\.C\.H\.|RIA|P-H)[)\]])?),?\s{0,3}(?:¶|P|para?\.)\s{0,3}(?<page>\d{1,3}(?:,\d{3})+|\d{1,6})(?<letter>[A-Z])?(?![\w])", RegexOptions.CultureInvariant, Timeout)]
    public static partial Regex ParagraphCitation();
}
