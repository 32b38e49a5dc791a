using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using LexIntel.Benchmarks.Infrastructure;
using LexIntel.Benchmarks.Retrieval;
using LexIntel.Tests.Harness;
using LexIntel.Tests.Harness.Retrieval;

namespace LexIntel.Benchmarks.Scenarios;

/// <summary>
/// Retrieval quality of keyword, semantic and hybrid search on a labelled query set over a folder
/// of documents, both given on the command line (defaults: the repository's labelled set over the
/// repository's court documents). The documents go through the real app; queries through its search API.
/// </summary>
internal sealed class RetrievalScenario(IReadOnlyList<string> args) : IBenchmarkScenario
{
    private static readonly string[] Modes = ["keyword", "semantic", "hybrid"];

    public string Name => "retrieval";

    public string Description => "recall@5, recall@10, nDCG@10 of keyword/semantic/hybrid search on labelled queries [--queries FILE] [--corpus DIR]";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var queriesPath = Option("--queries") ?? TestData.CourtDocumentQueries;
        var corpus = Option("--corpus") ?? TestData.CourtDocuments;
        var queries = await LabelledQuery.ReadAsync(queriesPath, cancellationToken);
        var files = Directory.GetFiles(corpus).Where(f => new FileInfo(f).Length > 0 && !Path.GetFileName(f).StartsWith("LICENSE", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        using var data = new ThrowawayDataDirectory();
        await using var app = await LexIntelAppFactory.StartAsync(data.Path, cancellationToken, Unthrottled.Settings);
        using var client = await ApiClients.ForNewTenantAsync(app, cancellationToken);
        var (caseId, documents) = await CaseUploader.UploadAndWaitAsync(client, files, cancellationToken);
        var ready = documents.Where(d => d.Status == "ready").Select(d => d.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in queries.Select(q => q.Document).Distinct().Where(d => !ready.Contains(d)))
        {
            await Console.Error.WriteLineAsync($"retrieval: '{missing}' is not a ready document of {corpus}; its queries count as misses");
        }

        var scores = new Dictionary<string, RetrievalScores>();
        foreach (var mode in Modes)
        {
            var perQuery = new List<QueryScore>();
            foreach (var query in queries)
            {
                using var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/search", new { query = query.Query, mode, limit = 10 }, cancellationToken);
                var hits = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<SearchHits>(cancellationToken))!.Items;
                perQuery.Add(QueryScore.Of(query, [.. hits.Select(h => (h.DocumentName, h.PageStart, h.PageEnd))]));
            }

            scores[mode] = RetrievalScores.Average(perQuery);
        }

        var hybridWins = scores["hybrid"].Ndcg10 > scores["keyword"].Ndcg10 && scores["hybrid"].Ndcg10 > scores["semantic"].Ndcg10;
        var rows = new List<BenchmarkRow>
        {
            new("queries", queries.Count.ToString(CultureInfo.InvariantCulture), $"{Path.GetFileName(queriesPath)} over {ready.Count} ready documents of {corpus}"),
        };
        foreach (var mode in Modes)
        {
            var s = scores[mode];
            rows.Add(new($"{mode} nDCG@10", s.Ndcg10.ToString("F3", CultureInfo.InvariantCulture), $"recall@5 {s.Recall5:F3}, recall@10 {s.Recall10:F3}"));
        }

        rows.Add(new("hybrid beats both on nDCG@10", hybridWins ? "yes" : "no", "target: yes"));
        return new BenchmarkResult(
            [
                new("ndcg10_keyword", scores["keyword"].Ndcg10),
                new("ndcg10_semantic", scores["semantic"].Ndcg10),
                new("ndcg10_hybrid", scores["hybrid"].Ndcg10),
                new("recall10_keyword", scores["keyword"].Recall10),
                new("recall10_semantic", scores["semantic"].Recall10),
                new("recall10_hybrid", scores["hybrid"].Recall10),
            ],
            rows);
    }

    private string? Option(string name)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
    }

    private sealed record SearchHits(List<SearchHit> Items);

    private sealed record SearchHit(string DocumentName, int PageStart, int PageEnd);
}
