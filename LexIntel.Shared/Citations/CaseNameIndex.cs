using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Citations;

/// <summary>
/// The full case citations seen so far, by the words of their case names, so that a short form
/// naming a party (<c>Roe, supra</c>, <c>Celotex at 323</c>) finds the latest case of that name in
/// a lookup per word, not a scan of every citation before it (which a text of many supras would
/// make quadratic).
/// </summary>
internal sealed class CaseNameIndex
{
    private readonly Dictionary<string, FoundCitation> latestByWord = new(StringComparer.Ordinal);

    /// <summary>Indexes a full case citation (not a parallel one) under each word of its name.</summary>
    public void Add(FoundCitation citation)
    {
        if (citation.Kind != CitationKind.Case || citation.ParallelTo is not null || citation.CaseName is null)
        {
            return;
        }

        foreach (var word in citation.CaseName.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            latestByWord[word.TrimEnd(',', '.')] = citation;
        }
    }

    /// <summary>
    /// The latest indexed case whose name has a capitalized word of <paramref name="shortName"/>
    /// (longer than two letters, not a signal like "See").
    /// </summary>
    public FoundCitation? Find(string shortName)
    {
        FoundCitation? latest = null;
        foreach (var word in shortName.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsNameWord(word) && latestByWord.TryGetValue(word, out var found) && (latest is null || found.Start > latest.Start))
            {
                latest = found;
            }
        }

        return latest;
    }

    /// <summary>A word a short form may name a party by: capitalized, longer than two letters, not a signal.</summary>
    public static bool IsNameWord(string word) => word.Length > 2 && char.IsUpper(word[0]) && !CaseNameFinder.IsSignal(word);
}
