using System.Globalization;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Citations;

/// <summary>The year of the code a statute is cited from: <c>42 U.S.C. § 1983 (2018)</c>, <c>Cal. Civ. Code § 1542 (West 2020)</c>.</summary>
public sealed partial class CitationExtractor
{
    /// <summary>The publisher in the parenthetical is no court, so only the year is kept.</summary>
    private static void AddStatuteYears(string text, List<FoundCitation> citations)
    {
        for (var i = 0; i < citations.Count; i++)
        {
            var citation = citations[i];
            if (citation.Kind is not (CitationKind.Statute or CitationKind.Regulation) || citation.Year is not null)
            {
                continue;
            }

            var parenthetical = CitationPatterns.StatuteYear().Match(text, citation.End);
            if (parenthetical.Success && (i + 1 == citations.Count || citations[i + 1].Start >= parenthetical.Index + parenthetical.Length))
            {
                citations[i] = citation with
                {
                    Year = int.Parse(parenthetical.Groups["year"].ValueSpan, CultureInfo.InvariantCulture),
                    FullEnd = parenthetical.Index + parenthetical.Length,
                };
            }
        }
    }
}
