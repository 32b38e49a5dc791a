using System.Globalization;
using System.Text.RegularExpressions;
using LexIntel.Tests.Harness.Retrieval;

namespace LexIntel.Benchmarks.Retrieval;

/// <summary>
/// Hybrid search with the re-ranking stage (<c>rerank: true</c>, the configured chat model) on the
/// labelled set, and what it costs per query: the stage's time and the model's tokens, as the API
/// reports them in its <c>Server-Timing</c> header.
/// </summary>
internal sealed partial class RerankingMeasurement(HttpClient client, Guid caseId, LabelledSet set)
{
    [GeneratedRegex(@"rerank;dur=(?<ms>[\d.]+);desc=""(?<outcome>[a-z]+)(?:, (?<in>\d+) input tokens)?(?:, (?<out>\d+) output tokens)?""")]
    private static partial Regex RerankTiming();

    public async Task<IReadOnlyList<BenchmarkRow>> RunAsync(CancellationToken cancellationToken)
    {
        var scores = new List<(LabelledQuery Query, QueryScore Score)>();
        var costs = new List<(double Ms, string Outcome, long In, long Out)>();
        foreach (var query in set.Queries)
        {
            var (score, serverTiming) = await LabelledSearch.RunAsync(client, caseId, set, query, "hybrid", rerank: true, cancellationToken);
            scores.Add((query, score));
            var timing = RerankTiming().Match(serverTiming);
            if (timing.Success)
            {
                costs.Add((
                    double.Parse(timing.Groups["ms"].Value, CultureInfo.InvariantCulture),
                    timing.Groups["outcome"].Value,
                    timing.Groups["in"].Success ? long.Parse(timing.Groups["in"].Value, CultureInfo.InvariantCulture) : 0,
                    timing.Groups["out"].Success ? long.Parse(timing.Groups["out"].Value, CultureInfo.InvariantCulture) : 0));
            }
        }

        RetrievalScores Score(Func<LabelledQuery, bool> which) => RetrievalScores.Average([.. scores.Where(s => which(s.Query)).Select(s => s.Score)]);
        var test = Score(set.IsTest);
        // A --queries set is all test: there is no development half to average.
        var development = set.Queries.Any(q => !set.IsTest(q)) ? Score(q => !set.IsTest(q)).Ndcg10.ToString("F3", CultureInfo.InvariantCulture) : "none";
        var testQuestions = Score(q => set.IsTest(q) && q.Style == LabelledQuery.Question);
        var reranked = costs.Where(c => c.Outcome == "reranked").ToList();
        var ms = reranked.Select(c => c.Ms).Order().ToArray();
        return
        [
            new("re-ranked hybrid, test half", $"{test.Ndcg10:F3}", $"nDCG@10 (recall@10 {test.Recall10:F3}; questions {testQuestions.Ndcg10:F3}); development {development}"),
            new("re-ranking cost per query", $"{Percentile.Of(ms, 0.5):F0} ms", $"p50 of {reranked.Count} re-ranked queries (p99 {Percentile.Of(ms, 0.99):F0} ms); tokens in/out per query {(reranked.Count == 0 ? 0 : reranked.Average(c => c.In)):F0}/{(reranked.Count == 0 ? 0 : reranked.Average(c => c.Out)):F0}; {costs.Count(c => c.Outcome == "failed")} failed (fused order kept)"),
        ];
    }
}
