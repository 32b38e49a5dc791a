using System.Text.RegularExpressions;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Citations;

/// <summary>
/// A case named again by a party without its reporter (<c>in Celotex at 323</c>, <c>See Iqbal at
/// 678</c>) after its full citation: a <see cref="CitationKind.Reference"/> to that citation, with
/// the pin. Only a name of a case cited before counts, so "Smith at 5" alone is not a citation.
/// </summary>
internal static class CaseReferenceFinder
{
    /// <summary>Words that name a party of too many cases to say which (<c>State at 5</c>).</summary>
    private static readonly HashSet<string> GenericPartyWords = new(StringComparer.Ordinal)
    {
        "State", "States", "United", "People", "Commonwealth", "Government", "City", "County", "Town", "Village",
        "Board", "Department", "Dept", "Secretary", "Commissioner", "Company", "Corp", "Inc", "Estate", "Matter", "Court",
    };

    public static List<FoundCitation> Add(string text, List<FoundCitation> citations)
    {
        if (!citations.Exists(c => c.Kind == CitationKind.Case && c.CaseName is not null) || !text.Contains(" at ", StringComparison.Ordinal))
        {
            return citations;
        }

        var references = new List<FoundCitation>();
        var casesBefore = new CaseNameIndex();
        var next = 0;
        foreach (Match match in CitationPatterns.NameAt().Matches(text))
        {
            while (next < citations.Count && citations[next].End <= match.Index)
            {
                casesBefore.Add(citations[next++]);
            }

            var name = match.Groups["name"].Value;
            var overlaps = next < citations.Count && citations[next].Start < match.Index + match.Length;
            if (overlaps || GenericPartyWords.Contains(name) || casesBefore.Find(name) is not { } full)
            {
                continue;
            }

            references.Add(full with
            {
                Kind = CitationKind.Reference,
                RawText = match.Value,
                Start = match.Index,
                End = match.Index + match.Length,
                FullStart = match.Index,
                FullEnd = match.Index + match.Length,
                Pin = PinCite.Normalize(match.Groups["pin"].Value),
                ParallelTo = null,
            });
        }

        if (references.Count == 0)
        {
            return citations;
        }

        return [.. citations.Concat(references).OrderBy(c => c.Start)];
    }
}
