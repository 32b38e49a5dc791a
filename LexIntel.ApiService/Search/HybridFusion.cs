namespace LexIntel.ApiService.Search;

/// <summary>
/// How rankings become results: the keyword and semantic rankings fused by weighted Reciprocal
/// Rank Fusion, grouped by page or document, and ordered. Public so that the retrieval benchmark
/// tunes the weights on exactly what the API computes.
/// </summary>
public static class HybridFusion
{
    /// <summary>Every chunk either ranking found, scored by the sum of <c>weight / (k + rank)</c> over the rankings that found it.</summary>
    public static List<FusedChunk> Fuse(IReadOnlyList<RankedChunk> keyword, IReadOnlyList<RankedChunk> semantic, SearchOptions settings)
    {
        var k = settings.RrfK;
        var byId = keyword.ToDictionary(r => r.Id, r => new FusedChunk(r.Id, r.Place, settings.KeywordWeight / (k + r.Rank), r.Rank, r.Score, null, null));
        foreach (var r in semantic)
        {
            var score = settings.SemanticWeight / (k + r.Rank);
            byId[r.Id] = byId.TryGetValue(r.Id, out var found)
                ? found with { Score = found.Score + score, SemanticRank = r.Rank, Similarity = r.Score }
                : new FusedChunk(r.Id, r.Place, score, null, null, r.Rank, r.Score);
        }

        return [.. byId.Values];
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
