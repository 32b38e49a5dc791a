using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.Search;
using LexIntel.Benchmarks.Infrastructure;
using LexIntel.Benchmarks.Search;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Embeddings;
using LexIntel.Shared.Search;
using LexIntel.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LexIntel.Benchmarks.Scenarios;

/// <summary>
/// Hybrid search latency through the API over a 100,000-chunk case (synthetic legal text; vectors
/// are real arctic-embed-xs embeddings of 1,000 of the passages, each spread over 100 chunks with
/// noise, so the index sees clustered data like real documents rather than uniform noise); in the
/// same run the raw pgvector HNSW top-10 and the raw full-text top-10 as baselines, and HNSW
/// recall@10 against exact search.
/// </summary>
internal sealed class SearchScenario : IBenchmarkScenario
{
    private const int Chunks = 100_000;
    private const int Documents = 100;
    private const int DistinctVectors = 1_000;
    private const int Queries = 100;
    private const int SequentialRuns = 300;
    private const int ConcurrentClients = 8;
    private const int ConcurrentRunsPerClient = 100;

    private static readonly int[] EfSearchSweep = [40, 100, 200, 300, 400];

    public string Name => "search";

    public string Description => "hybrid search p50/p99/QPS at 100k chunks through the API vs. raw HNSW and full-text queries; HNSW recall@10";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        using var data = new ThrowawayDataDirectory();
        await using var app = await LexIntelAppFactory.StartAsync(data.Path, cancellationToken, Unthrottled.Settings);
        var connectionString = (await app.GetConnectionStringAsync("lexintel", cancellationToken))!;
        var text = new LegalTextGenerator(seed: 7);
        var queryTexts = Enumerable.Range(0, Queries).Select(_ => text.Query()).ToList();

        var options = Options.Create(new EmbeddingOptions());
        using var model = new ArcticEmbedModel(options);
        using var generator = new OnnxEmbeddingGenerator(model, options);
        var clock = Stopwatch.StartNew();
        var passages = Enumerable.Range(0, DistinctVectors).Select(_ => text.Passage()).ToList();
        var passageVectors = (await generator.GenerateAsync(passages, cancellationToken: cancellationToken)).Select(e => e.Vector.ToArray()).ToList();
        var queryVectors = (await generator.GenerateAsync(queryTexts.Select(q => ArcticEmbedModel.QueryPrefix + q), cancellationToken: cancellationToken)).Select(e => e.Vector.ToArray()).ToList();
        Console.WriteLine($"search: embedded {DistinctVectors} passages and {Queries} queries in {clock.Elapsed.TotalSeconds:F0} s");

        var (tenantId, caseId) = await SyntheticIndex.LoadAsync(connectionString, text, passageVectors, Chunks, Documents, cancellationToken);
        Console.WriteLine($"search: loaded and indexed {Chunks:N0} chunks in {clock.Elapsed.TotalSeconds:F0} s");

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var efSearch = new SearchOptions().EfSearch;
        await using var approximate = await OpenAsync(dataSource, $"SET hnsw.ef_search = {efSearch}", cancellationToken);
        await using var exact = await OpenAsync(dataSource, "SET enable_indexscan = off", cancellationToken);
        var vectorBaseline = await MeasureAsync(queryVectors.Select(v => (Func<Task>)(() => VectorTopAsync(approximate, v, cancellationToken))).ToList(), 3, cancellationToken);
        var ftsBaseline = await MeasureAsync(queryTexts.Select(q => (Func<Task>)(() => FullTextTopAsync(approximate, q, cancellationToken))).ToList(), 3, cancellationToken);
        var recall = await RecallAsync(approximate, exact, queryVectors, cancellationToken);
        var recallByEf = new List<BenchmarkRow>();
        foreach (var ef in EfSearchSweep)
        {
            await using var sweep = await OpenAsync(dataSource, $"SET hnsw.ef_search = {ef}", cancellationToken);
            var (p50, _) = await MeasureAsync(queryVectors.Select(v => (Func<Task>)(() => VectorTopAsync(sweep, v, cancellationToken))).ToList(), 1, cancellationToken);
            recallByEf.Add(new($"  ef_search {ef}", $"recall {await RecallAsync(sweep, exact, queryVectors, cancellationToken):F3}", $"raw HNSW p50 {p50:F1} ms"));
        }

        using var http = ApiClients.Create(app, ApiClients.TokenFor("benchmark", tenantId, Roles.TenantAdmin));
        Func<Task> Search(string query, string mode = "hybrid") => async () =>
        {
            using var response = await http.PostAsJsonAsync($"/api/cases/{caseId}/search", new { query, mode, limit = 10 }, cancellationToken);
            response.EnsureSuccessStatusCode();
        };

        // First sight of each query: includes embedding it. Then warm, as every baseline is.
        var cold = await MeasureAsync(queryTexts.Select(q => Search(q)).ToList(), 1, cancellationToken);
        var warm = await MeasureAsync(Enumerable.Range(0, SequentialRuns).Select(i => Search(queryTexts[i % Queries])).ToList(), 1, cancellationToken);
        var keywordOnly = await MeasureAsync(Enumerable.Range(0, SequentialRuns).Select(i => Search(queryTexts[i % Queries], "keyword")).ToList(), 1, cancellationToken);
        var semanticOnly = await MeasureAsync(Enumerable.Range(0, SequentialRuns).Select(i => Search(queryTexts[i % Queries], "semantic")).ToList(), 1, cancellationToken);
        var (concurrent, qps) = await MeasureConcurrentAsync(i => Search(queryTexts[i % Queries]), cancellationToken);
        var agreement = await KeywordAgreementAsync(http, caseId, approximate, queryTexts, cancellationToken);

        var baselineSum = vectorBaseline.P50 + ftsBaseline.P50;
        return new BenchmarkResult(
            [
                new("chunks", Chunks),
                new("hybrid_p50_ms", warm.P50),
                new("hybrid_p99_ms", warm.P99),
                new("hybrid_qps_8", qps),
                new("baseline_vector_p50_ms", vectorBaseline.P50),
                new("baseline_fts_p50_ms", ftsBaseline.P50),
                new("recall_at_10", recall),
            ],
            [
                new("chunks", Chunks.ToString("N0", CultureInfo.InvariantCulture), $"{Documents} documents in one case; synthetic legal text, clustered real embeddings (see the class comment)"),
                new("hybrid p50 / p99, 1 client", $"{warm.P50:F1} / {warm.P99:F1} ms", "through the API, query embedding cached; target p99 < 50 ms"),
                new("hybrid p50 / p99, first sight", $"{cold.P50:F1} / {cold.P99:F1} ms", "including embedding the query"),
                new("keyword / semantic mode p50 / p99, 1 client", $"{keywordOnly.P50:F1} / {keywordOnly.P99:F1} · {semanticOnly.P50:F1} / {semanticOnly.P99:F1} ms", "each ranking alone through the API"),
                new($"hybrid p50 / p99, {ConcurrentClients} clients", $"{concurrent.P50:F1} / {concurrent.P99:F1} ms", $"{qps:F0} queries/s"),
                new("raw HNSW top-10 p50 / p99", $"{vectorBaseline.P50:F1} / {vectorBaseline.P99:F1} ms", $"Npgsql, ef_search {efSearch}"),
                new("raw full-text top-10 p50 / p99", $"{ftsBaseline.P50:F1} / {ftsBaseline.P99:F1} ms", "websearch_to_tsquery + ts_rank_cd"),
                new("hybrid / (vector + fts), p50 · p99", $"{warm.P50 / baselineSum:F2}× · {warm.P99 / (vectorBaseline.P99 + ftsBaseline.P99):F2}×", $"target ≤ 3×; hybrid p99 over the p50 sum: {warm.P99 / baselineSum:F2}×"),
                new("keyword top-10 agreement with the raw full-text top-10", agreement.ToString("F3", CultureInfo.InvariantCulture), "the API ranks by terms held (the baseline requires every word) and a sample of a common term's matches: says little"),
                new("HNSW recall@10", recall.ToString("F3", CultureInfo.InvariantCulture), $"vs exact search, same queries, ef_search {efSearch} (the API's); target ≥ 0.95"),
                .. recallByEf,
            ]);
    }

    /// <summary>A connection with a setting: the API's <c>ef_search</c>, another to compare, or index scans off for exact results.</summary>
    private static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, string setting, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var set = new NpgsqlCommand(setting, connection);
        await set.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private static async Task<List<Guid>> VectorTopAsync(NpgsqlConnection connection, float[] vector, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""SELECT "Id" FROM "DocumentChunks" ORDER BY "Embedding" <=> $1::vector LIMIT 10""", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = VectorText.Format(vector) });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task<List<Guid>> FullTextTopAsync(NpgsqlConnection connection, string query, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT c."Id" FROM "DocumentChunks" c, websearch_to_tsquery('english', $1) q
            WHERE c."SearchVector" @@ q ORDER BY ts_rank_cd(c."SearchVector", q, 32) DESC, c."Id" LIMIT 10
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = LegalText.ForFullTextSearch(query) });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>
    /// How many of the raw full-text top 10 (every word required, every match ranked) the API's
    /// keyword search also returns.
    /// </summary>
    private static async Task<double> KeywordAgreementAsync(HttpClient http, Guid caseId, NpgsqlConnection connection, List<string> queries, CancellationToken cancellationToken)
    {
        int agreed = 0, total = 0;
        foreach (var query in queries)
        {
            var truth = await FullTextTopAsync(connection, query, cancellationToken);
            using var response = await http.PostAsJsonAsync($"/api/cases/{caseId}/search", new { query, mode = "keyword", limit = 10 }, cancellationToken);
            var hits = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<SearchResponse>(cancellationToken))!.Items;
            agreed += hits.Select(h => h.ChunkId).Intersect(truth).Count();
            total += truth.Count;
        }

        return total == 0 ? 1 : (double)agreed / total;
    }

    private static async Task<double> RecallAsync(NpgsqlConnection approximate, NpgsqlConnection exact, List<float[]> queryVectors, CancellationToken cancellationToken)
    {
        var found = 0;
        foreach (var vector in queryVectors)
        {
            var fromIndex = await VectorTopAsync(approximate, vector, cancellationToken);
            var truth = await VectorTopAsync(exact, vector, cancellationToken);
            found += fromIndex.Intersect(truth).Count();
        }

        return found / (10.0 * queryVectors.Count);
    }

    /// <summary>One untimed call as warm-up, then every action timed one after another, <paramref name="rounds"/> times.</summary>
    private static async Task<(double P50, double P99)> MeasureAsync(List<Func<Task>> actions, int rounds, CancellationToken cancellationToken)
    {
        await actions[0]();
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var action in actions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                await action();
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return Percentiles(times);
    }

    private static async Task<((double P50, double P99) Latency, double Qps)> MeasureConcurrentAsync(Func<int, Func<Task>> action, CancellationToken cancellationToken)
    {
        var times = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, ConcurrentClients).Select(client => Task.Run(
            async () =>
            {
                for (var i = 0; i < ConcurrentRunsPerClient; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await action((client * ConcurrentRunsPerClient) + i)();
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            },
            cancellationToken)));
        return (Percentiles([.. times]), times.Count / clock.Elapsed.TotalSeconds);
    }

    private static (double P50, double P99) Percentiles(List<double> times)
    {
        var sorted = times.Order().ToArray();
        return (Percentile.Of(sorted, 0.50), Percentile.Of(sorted, 0.99));
    }
}
