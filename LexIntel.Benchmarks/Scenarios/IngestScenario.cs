using System.Globalization;
using LexIntel.Benchmarks.Infrastructure;
using LexIntel.Tests.Harness;

namespace LexIntel.Benchmarks.Scenarios;

/// <summary>
/// The court-document corpus through the running app (AppHost, embedded default: upload → extract →
/// chunk → cite → embed → index), against the embedding model alone on the very same chunks in the
/// same run. The model is the expected bottleneck, so the ratio says what everything else costs.
/// This machine's speed drifts by 10–20 % within a minute, so pipeline passes and model runs
/// alternate (each model run right after a pass, with the app idle) and the medians are compared.
/// </summary>
internal sealed class IngestScenario : IBenchmarkScenario
{
    /// <summary>The corpus is small; uploading it to several cases (duplicates are per case) makes a pass long enough to measure.</summary>
    private const int Rounds = 6;

    private const int Pairs = 3;

    public string Name => "ingest";

    public string Description => "documents/pages/chunks per second through the app vs. the embedding model alone";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        using var data = new ThrowawayDataDirectory();
        await using var app = await LexIntelAppFactory.StartAsync(data.Path, cancellationToken, Unthrottled.Settings);
        using var client = await ApiClients.ForNewTenantAsync(app, cancellationToken);
        var files = TestData.UploadableCourtDocuments();

        // Warm-up round: the worker loads the model and compiles every extractor's path once.
        await CaseUploader.UploadAndWaitAsync(client, files, cancellationToken);

        using var baseline = new EmbeddingModelBaseline();

        var passes = new List<Pass>();
        var modelRuns = new List<double>();
        List<string[]> texts = [];
        for (var pair = 0; pair < Pairs; pair++)
        {
            passes.Add(await RunPassAsync(client, files, cancellationToken));
            if (pair == 0)
            {
                // Every pass ingests the same corpus, so the first pass's chunks serve every model run.
                texts = await EmbeddingModelBaseline.ChunkTextsAsync(app, passes[0].Documents, cancellationToken);
                await baseline.WarmUpAsync(texts, cancellationToken);
            }

            modelRuns.Add(await baseline.ChunksPerSecondAsync(texts, cancellationToken));
        }

        var last = passes[^1];
        var ready = last.Documents.Where(d => d.Status == "ready").ToList();
        var chunks = ready.Sum(d => d.ChunkCount);
        var pages = ready.Sum(d => d.PageCount ?? 0);
        var seconds = Median(passes.Select(p => p.Seconds));
        var chunksPerSecond = chunks / seconds;
        var model = Median(modelRuns);
        var ratio = chunksPerSecond / model;
        var rss = ProcessMemory.Kib("LexIntel.WorkerService", "VmHWM") / 1024.0;
        var sandboxRss = ProcessMemory.KibIfRunning("LexIntel.WorkerService", "VmHWM", "sandbox") / 1024.0;
        return new BenchmarkResult(
            [
                new("documents", ready.Count),
                new("pages", pages),
                new("chunks", chunks),
                new("chunks_per_s", chunksPerSecond),
                new("model_chunks_per_s", model),
                new("ratio", ratio),
                new("worker_rss_mib", rss),
                new("sandbox_rss_mib", sandboxRss),
            ],
            [
                new("documents ready", ready.Count.ToString(CultureInfo.InvariantCulture), $"{Rounds} cases × the corpus per pass; {last.Documents.Count - ready.Count} failed as expected (the scans)"),
                new("pages", pages.ToString(CultureInfo.InvariantCulture), BenchmarkReport.Format(pages / seconds, "/s")),
                new("chunks", chunks.ToString(CultureInfo.InvariantCulture), $"first upload to last document finished, median of {List(passes.Select(p => p.Seconds))} s"),
                new("documents/s", BenchmarkReport.Format(ready.Count / seconds, "/s"), "one worker process"),
                new("pipeline chunks/s", BenchmarkReport.Format(chunksPerSecond, "/s"), "upload → extract → chunk → cite → embed → index"),
                new("model alone chunks/s", BenchmarkReport.Format(model, "/s"), $"same chunks and options, in this process after each pass; median of {List(modelRuns)}; target ≥ 40"),
                new("ratio (pipeline / model)", BenchmarkReport.Format(ratio, "×"), $"target ≥ 0.8; pass by pass {List(passes.Select((p, i) => chunks / p.Seconds / modelRuns[i]))}"),
                new("worker peak RSS", BenchmarkReport.Format(rss, "MiB"), "VmHWM of the worker process itself; target < 500 MiB"),
                new("sandbox peak RSS", BenchmarkReport.Format(sandboxRss, "MiB"), "VmHWM of the worker's extraction sandbox (0: sandbox off); not in the worker's"),
            ]);
    }

    /// <summary>The corpus to <see cref="Rounds"/> new cases at once, timed to the last document's own finishing time (same host clock), so polling adds nothing.</summary>
    private static async Task<Pass> RunPassAsync(HttpClient client, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var rounds = await Task.WhenAll(Enumerable.Range(0, Rounds).Select(_ => CaseUploader.UploadAndWaitAsync(client, files, cancellationToken)));
        var documents = rounds.SelectMany(r => r.Documents).ToList();
        return new Pass(documents, (documents.Max(d => d.UpdatedAt) - started).TotalSeconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return Percentile.Of(sorted, 0.5);
    }

    private static string List(IEnumerable<double> values) => string.Join(" / ", values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));

    private sealed record Pass(List<UploadedDocument> Documents, double Seconds);
}
