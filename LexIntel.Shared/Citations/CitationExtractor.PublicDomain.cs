using System.Globalization;
using System.Text.RegularExpressions;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Citations;

/// <summary>Public-domain (vendor-neutral) citations: <c>2017 ND 89</c>, <c>2015-Ohio-4001</c>, <c>2019 IL App (1st) 181262</c>.</summary>
public sealed partial class CitationExtractor
{
    /// <summary>
    /// A neutral citation is reported as a case citation whose volume and year are its year, whose
    /// reporter is the court's abbreviation as reporters-db spells it and whose page is the
    /// decision's number as written (<c>022</c>, <c>181262-U</c>); pins are paragraphs.
    /// </summary>
    private void FindNeutralCitations(string text, List<FoundCitation> found)
    {
        foreach (Match match in CitationPatterns.NeutralCitation().Matches(text))
        {
            if (catalog.FindNeutral(match.Groups["court"].ValueSpan) is not { } reporter)
            {
                continue;
            }

            var year = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
            var number = match.Groups["number"].Value;
            found.Add(Spanning(match, CitationKind.Case, reporter.Normalize(year, number)) with
            {
                Volume = year,
                Reporter = reporter.Canonical,
                Page = number,
                Year = year,
            });
        }
    }

    /// <summary>Whether a volume-reporter-page match is a neutral citation, which <see cref="FindNeutralCitations"/> reports.</summary>
    private bool IsNeutral(ReadOnlySpan<char> volume, ReadOnlySpan<char> series) => IsYear(volume) && catalog.FindNeutral(series) is not null;
}
