namespace LexIntel.ApiService.Search;

/// <summary>
/// How rankings become results: the keyword and semantic rankings fused by their scores, grouped
/// by page or document, and ordered. Public so that the retrieval benchmark tunes the weights on
/// exactly what the API computes.
/// </summary>
public static class HybridFusion
{
    /// <summary>
    /// Every chunk either ranking found, scored by relative score fusion: each ranking's scores
    /// scaled to [0, 1], weighted and summed (0 from a ranking that did not find the chunk).
    /// Scores, not ranks, so how far apart two candidates are counts: a passage holding nearly
    /// every term of the query keeps its lead over one holding a few, which rank fusion flattened
    /// (measured better on the labelled set's development half). Keyword scores are scaled by the
    /// best, as 0 means no term held; similarities between the worst and the best candidate, as
    /// even unrelated passages are far from 0.
    /// </summary>
    public static List<FusedChunk> Fuse(IReadOnlyList<RankedChunk> keyword, IReadOnlyList<RankedChunk> semantic, SearchOptions settings)
    {
        var keywordScale = Scale([0, .. keyword.Select(r => r.Score)]);
        var semanticScale = Scale([.. semantic.Select(r => r.Score)]);
        var byId = keyword.ToDictionary(r => r.Id, r => new FusedChunk(r.Id, r.Place, settings.KeywordWeight * keywordScale(r.Score), r.Rank, r.Score, null, null));
        foreach (var r in semantic)
        {
            var score = settings.SemanticWeight * semanticScale(r.Score);
            byId[r.Id] = byId.TryGetValue(r.Id, out var found)
                ? found with { Score = found.Score + score, SemanticRank = r.Rank, Similarity = r.Score }
                : new FusedChunk(r.Id, r.Place, score, null, null, r.Rank, r.Score);
        }

        return [.. byId.Values];
    }

    /// <summary>Maps the lowest of <paramref name="scores"/> to 0 and the highest to 1; every score to 1 when they are one value.</summary>
    private static Func<double, double> Scale(double[] scores)
    {
        var (low, high) = scores.Length == 0 ? (0.0, 0.0) : (scores.Min(), scores.Max());
        return high > low ? score => (score - low) / (high - low) : _ => 1;
    }

    /// <summary>The best-scored chunk of each page or document, or every chunk; best first, ties to the lower id.</summary>
    public static List<FusedChunk> Rank(IEnumerable<FusedChunk> candidates, SearchGrouping group)
    {
        var grouped = group switch
        {
            SearchGrouping.Page => candidates.GroupBy(c => c.Place).Select(Best),
            SearchGrouping.Document => candidates.GroupBy(c => c.Place.DocumentId).Select(Best),
            _ => candidates,
        };
        return [.. grouped.OrderByDescending(c => c.Score).ThenBy(c => c.Id)];
    }

    private static FusedChunk Best(IEnumerable<FusedChunk> group) => group.OrderByDescending(c => c.Score).ThenBy(c => c.Id).First();
}
