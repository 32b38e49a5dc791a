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
/// Retrieval quality of keyword, semantic and hybrid search on a labelled set: by default the
/// repository's (every <c>testdata/queries/*.jsonl</c> over every test document, split by document
/// into a development half and a test half), or one query file over one folder given on the command
/// line (all of it counted as the test half). The documents go through the real app; queries through
/// its search API. Reported over all queries and per half and query style.
/// </summary>
internal sealed class RetrievalScenario(IReadOnlyList<string> args) : IBenchmarkScenario
{
    private static readonly string[] Modes = ["keyword", "semantic", "hybrid"];

    public string Name => "retrieval";

    public string Description => "recall@10, nDCG@10 of keyword/semantic/hybrid search on labelled queries, per half and style; re-ranked too with a chat model [--queries FILE --corpus DIR --chat CONNECTION]";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var set = args.Value("--queries") is { } queriesPath
            ? await LabelledSet.ReadAsync(queriesPath, args.Value("--corpus") ?? TestData.CourtDocuments, cancellationToken)
            : await LabelledSet.ReadAsync(cancellationToken);

        var chat = args.Value("--chat") ?? Environment.GetEnvironmentVariable("ConnectionStrings__chat");
        using var data = new ThrowawayDataDirectory();
        await using var app = await LexIntelAppFactory.StartAsync(data.Path, cancellationToken, [.. Unthrottled.Settings, .. chat is null ? Array.Empty<string>() : [$"ConnectionStrings:chat={chat}"]]);
        using var client = await ApiClients.ForNewTenantAsync(app, cancellationToken);
        var (caseId, documents) = await CaseUploader.UploadAndWaitAsync(client, set.Files, cancellationToken);
        var ready = documents.Where(d => d.Status == "ready").Select(d => d.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in set.Queries.Select(q => q.Document).Distinct().Where(d => !ready.Contains(d)))
        {
            await Console.Error.WriteLineAsync($"retrieval: '{missing}' did not become ready; its queries count as misses");
        }

        var scored = new List<(LabelledQuery Query, string Mode, QueryScore Score)>();
        foreach (var mode in Modes)
        {
            foreach (var query in set.Queries)
            {
                scored.Add((query, mode, (await LabelledSearch.RunAsync(client, caseId, set, query, mode, rerank: false, cancellationToken)).Score));
            }
        }

        RetrievalScores Score(string mode, Func<LabelledQuery, bool> which) =>
            RetrievalScores.Average([.. scored.Where(s => s.Mode == mode && which(s.Query)).Select(s => s.Score)]);

        var all = Modes.ToDictionary(m => m, m => Score(m, _ => true));
        var test = Modes.ToDictionary(m => m, m => Score(m, set.IsTest));
        var testQuestions = Score("hybrid", q => set.IsTest(q) && q.Style == LabelledQuery.Question);
        var rows = new List<BenchmarkRow>
        {
            new("queries", set.Queries.Count.ToString(CultureInfo.InvariantCulture), $"{set.Queries.Count(q => q.Style == LabelledQuery.Question)} questions over {set.Queries.Select(q => q.Document).Distinct().Count()} documents ({ready.Count} of {set.Files.Count} uploaded ready); test half: {set.Queries.Count(set.IsTest)} queries"),
        };
        foreach (var (half, inHalf) in new (string, Func<LabelledQuery, bool>)[] { ("all", _ => true), ("development", q => !set.IsTest(q)), ("test", set.IsTest) })
        {
            foreach (var (style, ofStyle) in new (string, Func<LabelledQuery, bool>)[] { ("all", _ => true), (LabelledQuery.Question, q => q.Style == LabelledQuery.Question), (LabelledQuery.Keyword, q => q.Style == LabelledQuery.Keyword) })
            {
                var count = set.Queries.Count(q => inHalf(q) && ofStyle(q));
                if (count == 0)
                {
                    continue;
                }

                var byMode = Modes.Select(m => (Mode: m, Scores: Score(m, q => inHalf(q) && ofStyle(q)))).ToList();
                rows.Add(new(
                    $"{half}, {(style == "all" ? "all styles" : style + "s")} ({count})",
                    $"{byMode[2].Scores.Ndcg10:F3}",
                    $"hybrid nDCG@10 (recall@10 {byMode[2].Scores.Recall10:F3}); keyword {byMode[0].Scores.Ndcg10:F3}, semantic {byMode[1].Scores.Ndcg10:F3}"));
            }
        }

        rows.AddRange(await new FusionTuning(client, caseId, set).RunAsync(cancellationToken));
        rows.AddRange(chat is null
            ? [new("re-ranking", "not measured", "no chat model: give one with --chat \"Endpoint=…/v1;Model=…;Key=…\" (or ConnectionStrings__chat)")]
            : await new RerankingMeasurement(client, caseId, set).RunAsync(cancellationToken));
        var hybridWins = test["hybrid"].Ndcg10 > test["keyword"].Ndcg10 && test["hybrid"].Ndcg10 > test["semantic"].Ndcg10;
        rows.Add(new("test half: hybrid beats both on nDCG@10", hybridWins ? "yes" : "no", "target: yes; hybrid nDCG@10 >= 0.85, questions >= 0.75"));
        return new BenchmarkResult(
            [
                new("ndcg10_keyword", all["keyword"].Ndcg10),
                new("ndcg10_semantic", all["semantic"].Ndcg10),
                new("ndcg10_hybrid", all["hybrid"].Ndcg10),
                new("recall10_keyword", all["keyword"].Recall10),
                new("recall10_semantic", all["semantic"].Recall10),
                new("recall10_hybrid", all["hybrid"].Recall10),
                new("ndcg10_hybrid_test", test["hybrid"].Ndcg10),
                new("ndcg10_question_test", testQuestions.Ndcg10),
                new("recall10_hybrid_test", test["hybrid"].Recall10),
            ],
            rows);
    }
}
