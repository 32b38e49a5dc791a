using System.Globalization;
using System.Text.RegularExpressions;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Citations;

/// <summary>
/// Full case citations in the federal reporters and the regional reporters most cited, and United
/// States Code sections, normalized to their canonical abbreviations. The reporters-db driven
/// extractor (short forms, state codes, journals) replaces this.
/// </summary>
public sealed partial class BasicCitationExtractor : ICitationExtractor
{
    private static readonly Dictionary<string, string> CanonicalReporters = new(StringComparer.Ordinal)
    {
        ["U.S."] = "U.S.", ["S.Ct."] = "S. Ct.", ["L.Ed."] = "L. Ed.", ["L.Ed.2d"] = "L. Ed. 2d",
        ["F."] = "F.", ["F.2d"] = "F.2d", ["F.3d"] = "F.3d", ["F.4th"] = "F.4th",
        ["F.Supp."] = "F. Supp.", ["F.Supp.2d"] = "F. Supp. 2d", ["F.Supp.3d"] = "F. Supp. 3d",
        ["F.App'x"] = "F. App'x", ["B.R."] = "B.R.",
        ["So."] = "So.", ["So.2d"] = "So. 2d", ["So.3d"] = "So. 3d",
        ["N.E."] = "N.E.", ["N.E.2d"] = "N.E.2d", ["N.E.3d"] = "N.E.3d", ["N.W."] = "N.W.", ["N.W.2d"] = "N.W.2d",
        ["S.W."] = "S.W.", ["S.W.2d"] = "S.W.2d", ["S.W.3d"] = "S.W.3d", ["S.E."] = "S.E.", ["S.E.2d"] = "S.E.2d",
        ["P."] = "P.", ["P.2d"] = "P.2d", ["P.3d"] = "P.3d", ["A."] = "A.", ["A.2d"] = "A.2d", ["A.3d"] = "A.3d",
    };

    public IReadOnlyList<FoundCitation> Extract(string text)
    {
        var found = new List<FoundCitation>();
        foreach (Match m in CaseCitation().Matches(text))
        {
            var key = Regex.Replace(m.Groups["reporter"].Value, @"\s+", string.Empty);
            if (!CanonicalReporters.TryGetValue(key, out var reporter))
            {
                continue;
            }

            var volume = int.Parse(m.Groups["volume"].Value, CultureInfo.InvariantCulture);
            var page = m.Groups["page"].Value;
            found.Add(new FoundCitation(CitationKind.Case, m.Value, $"{volume} {reporter} {page}", volume, reporter, page, null, null, m.Index, m.Index + m.Length));
        }

        foreach (Match m in UnitedStatesCode().Matches(text))
        {
            var title = m.Groups["title"].Value;
            var section = m.Groups["section"].Value;
            found.Add(new FoundCitation(CitationKind.Statute, m.Value, $"{title} U.S.C. § {section}", null, "U.S.C.", null, title, section, m.Index, m.Index + m.Length));
        }

        return [.. found.OrderBy(c => c.Start)];
    }

    [GeneratedRegex(@"\b(?<volume>\d{1,4})\s+(?<reporter>U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|F\.\s?Supp\.(?:\s?[23]d)?|F\.\s?App'x|F\.\s?(?:2d|3d|4th)|F\.|B\.\s?R\.|So\.(?:\s?[23]d)?|N\.\s?[EW]\.(?:\s?[23]d)?|S\.\s?[EW]\.(?:\s?[23]d)?|P\.(?:\s?[23]d)?|A\.(?:\s?[23]d)?)\s+(?<page>\d{1,5})\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CaseCitation();

    [GeneratedRegex(@"\b(?<title>\d{1,2})\s+U\.\s?S\.\s?C\.(?:\s?A\.)?\s*(?:§§?|[Ss]ec(?:tion|\.)?)\s*(?<section>\d+[a-z]?(?:-\d+)?)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnitedStatesCode();
}
