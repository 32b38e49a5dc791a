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
            var name = match.Groups["name"];
            var end = match.Index + match.Length;
            while (next < citations.Count && citations[next].End <= name.Index)
            {
                casesBefore.Add(citations[next++]);
            }

            var overlaps = next < citations.Count && citations[next].Start < end;
            if (overlaps || GenericPartyWords.Contains(name.Value) || casesBefore.Find(name.Value) is not { } full)
            {
                continue;
            }

            references.Add(full with
            {
                Kind = CitationKind.Reference,
                RawText = text[name.Index..end],
                Start = name.Index,
                End = end,
                FullStart = name.Index,
                FullEnd = end,
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
