using System.Globalization;
using LexIntel.ApiService.Search;
using LexIntel.Benchmarks.Scenarios;
using LexIntel.Tests.Harness.Retrieval;

namespace LexIntel.Benchmarks.Retrieval;

/// <summary>
/// Tunes hybrid search's fusion on the development half: each query's keyword and semantic
/// rankings are read from the API as deep as hybrid search reads them, then fused here by the
/// API's own <see cref="HybridFusion"/> for a range of keyword weights (the semantic weight the
/// rest of 1; only their ratio orders results), so every setting is scored without reindexing.
/// The test half is only reported, for the best settings.
/// </summary>
internal sealed class FusionTuning(HttpClient client, Guid caseId, LabelledSet set)
{
    private static readonly double[] KeywordWeights = [0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];

    public async Task<List<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        if (set.Queries.All(set.IsTest))
        {
            return [new("fusion tuning", "not run", "no development half to tune on: a --queries set is all test")];
        }

        var rankings = new List<(LabelledQuery Query, List<RankedChunk> Keyword, List<RankedChunk> Semantic, Dictionary<Guid, (string Document, int Start, int End)> Pages)>();
        foreach (var query in set.Queries)
        {
            var pages = new Dictionary<Guid, (string, int, int)>();
            var keyword = await RankingAsync(query.Query, "keyword", pages, cancellationToken);
            var semantic = await RankingAsync(query.Query, "semantic", pages, cancellationToken);
            rankings.Add((query, keyword, semantic, pages));
        }

        double Ndcg(SearchOptions settings, Func<LabelledQuery, bool> which) => rankings.Where(r => which(r.Query)).Average(r =>
        {
            var top = HybridFusion.Rank(HybridFusion.Fuse(r.Keyword, r.Semantic, settings), SearchGrouping.Page).Take(10);
            return set.Score(r.Query, top.Select(c => r.Pages[c.Id])).Ndcg10;
        });

        var grid = KeywordWeights.Select(w => new SearchOptions { KeywordWeight = w, SemanticWeight = 1 - w })
            .Select(settings => (Settings: settings, Development: Ndcg(settings, q => !set.IsTest(q))))
            .ToList();
        var configured = new SearchOptions();
        List<BenchmarkRow> rows =
        [
            new("configured fusion, recomputed", $"{Ndcg(configured, set.IsTest):F3}", $"test-half hybrid nDCG@10 at keyword weight {Describe(configured.KeywordWeight)}, semantic weight {Describe(configured.SemanticWeight)} (development {Ndcg(configured, q => !set.IsTest(q)):F3}); the best of {grid.Count} settings on the development half:"),
        ];
        rows.AddRange(grid.OrderByDescending(g => g.Development).Take(5).Select(g => new BenchmarkRow(
            $"  keyword weight {Describe(g.Settings.KeywordWeight)}, semantic {Describe(g.Settings.SemanticWeight)}",
            $"{Ndcg(g.Settings, set.IsTest):F3}",
            $"test half; development {g.Development:F3}")));
        return rows;
    }

    private static string Describe(double weight) => weight.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>One mode's ranking of every passage, with each passage's document and pages noted in <paramref name="pages"/>.</summary>
    private async Task<List<RankedChunk>> RankingAsync(string text, string mode, Dictionary<Guid, (string, int, int)> pages, CancellationToken cancellationToken)
    {
        var ranked = new List<RankedChunk>();
        foreach (var hit in await SearchRanking.ReadAsync(client, caseId, text, mode, cancellationToken))
        {
            pages[hit.ChunkId] = (hit.DocumentName, hit.PageStart, hit.PageEnd);
            var rank = (mode == "keyword" ? hit.Score.KeywordRank : hit.Score.SemanticRank) ?? ranked.Count + 1;
            ranked.Add(new RankedChunk(hit.ChunkId, new ChunkPlace(hit.DocumentId, hit.PageStart), mode == "keyword" ? hit.Score.KeywordScore ?? 0 : hit.Score.SemanticSimilarity ?? 0, rank));
        }

        return ranked;
    }
}
