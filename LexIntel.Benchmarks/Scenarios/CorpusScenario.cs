using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using LexIntel.Benchmarks.Infrastructure;
using LexIntel.Tests.Harness;

namespace LexIntel.Benchmarks.Scenarios;

/// <summary>
/// A real case: every file of a folder of federal filings (by default the repository's RECAP
/// filings and ingestion regressions; <c>--corpus DIR</c> for another, such as the 109 filings
/// of issue 24) uploaded to one case through the API in requests within its limits, followed to
/// the last document's final state, then 50 searches of mixed styles and the table of
/// authorities. OCR is off unless <c>--ocr</c>: scans then fail <c>no_extractable_text</c> at
/// once, and what is measured is the text pipeline. The embedding model alone on the same chunks,
/// in the same run, is the baseline.
/// </summary>
internal sealed class CorpusScenario(IReadOnlyList<string> args) : IBenchmarkScenario
{
    /// <summary>Failures that say the file has no text to read, not that processing failed.</summary>
    private static readonly string[] NoTextCodes = ["no_extractable_text"];

    /// <summary>Mixed styles: citations and names as a lawyer types them, doctrine keywords, questions in plain words.</summary>
    private static readonly string[] Queries =
    [
        "Twombly plausibility standard", "550 U.S. 544", "Ashcroft v. Iqbal", "28 U.S.C. § 1332", "Fed. R. Civ. P. 12(b)(6)",
        "motion to dismiss for failure to state a claim", "preliminary injunction irreparable harm", "summary judgment genuine dispute of material fact",
        "attorney's fees", "class certification Rule 23", "personal jurisdiction minimum contacts", "statute of limitations tolling",
        "breach of contract damages", "patent infringement claim construction", "copyright fair use", "trademark likelihood of confusion",
        "protective order confidential information", "discovery sanctions", "stipulation to extend time", "subject matter jurisdiction diversity",
        "qualified immunity", "42 U.S.C. § 1983", "First Amendment retaliation", "due process notice and hearing", "arbitration agreement enforceable",
        "Lanham Act", "Sherman Act antitrust", "securities fraud scienter", "ERISA fiduciary duty", "Americans with Disabilities Act",
        "What standard applies to a motion to dismiss?", "Why did the court deny the preliminary injunction?", "When was the complaint filed?",
        "Who are the parties to the settlement agreement?", "What damages does the plaintiff seek?", "Which claims were dismissed with leave to amend?",
        "How much are the attorney's fees requested?", "What did the defendant argue about jurisdiction?", "Is the arbitration clause unconscionable?",
        "What does the proposed order grant?", "Northern District of California", "Central District of California", "declaration in support",
        "opposition to motion", "reply brief", "case management conference", "joint status report", "notice of motion and motion",
        "memorandum of points and authorities", "jury trial demanded",
    ];

    public string Name => "corpus";

    public string Description => "a folder of real filings into one case: failures by code, pages/s, chunks/s vs the model, search p99, table of authorities, peak RSS [--corpus DIR --ocr]";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var folder = args.Value("--corpus");
        var files = folder is null
            ? [.. new[] { TestData.RecapFilings, TestData.IngestionRegressions }.SelectMany(Directory.GetFiles).Where(TestData.IsUploadable).Order(StringComparer.Ordinal)]
            : Directory.GetFiles(folder).Where(TestData.IsUploadable).Order(StringComparer.Ordinal).ToList();
        var ocr = args.Contains("--ocr");

        using var data = new ThrowawayDataDirectory();
        await using var app = await LexIntelAppFactory.StartAsync(
            data.Path,
            builder => builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "worker"))
                .WithEnvironment("LexIntel__Ocr__Enabled", ocr ? "true" : "false"),
            cancellationToken,
            Unthrottled.Settings);
        using var client = await ApiClients.ForNewTenantAsync(app, cancellationToken);

        var started = DateTimeOffset.UtcNow;
        var (caseId, documents) = await CaseUploader.UploadAndWaitAsync(client, files, cancellationToken);
        var seconds = (documents.Max(d => d.UpdatedAt) - started).TotalSeconds;
        var ready = documents.Where(d => d.Status == "ready").ToList();
        var failures = documents.Where(d => d.Status == "failed").GroupBy(d => d.FailureCode ?? "(none)").OrderByDescending(g => g.Count()).ToList();
        var failedOther = documents.Count(d => d.Status == "failed" && !NoTextCodes.Contains(d.FailureCode));
        var pages = documents.Sum(d => d.PageCount ?? 0);
        var chunks = ready.Sum(d => d.ChunkCount);
        var workerRss = ProcessMemory.Kib("LexIntel.WorkerService", "VmHWM") / 1024.0;

        using var baseline = new EmbeddingModelBaseline();
        var texts = await EmbeddingModelBaseline.ChunkTextsAsync(app, ready, cancellationToken);
        await baseline.WarmUpAsync(texts, cancellationToken);
        var model = await baseline.ChunksPerSecondAsync(texts, cancellationToken);
        var pipeline = chunks / seconds;

        var latencies = new List<double>();
        foreach (var query in Queries)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/search", new { query, mode = "hybrid" }, cancellationToken);
            response.EnsureSuccessStatusCode();
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        var authorities = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync($"/api/cases/{caseId}/citations", cancellationToken);
            response.EnsureSuccessStatusCode();
            authorities.Add(clock.Elapsed.TotalMilliseconds);
        }

        var sorted = latencies.Order().ToArray();
        var toa = Percentile.Of([.. authorities.Order()], 0.5);
        var apiRss = ProcessMemory.Kib("LexIntel.ApiService", "VmHWM") / 1024.0;
        var ratio = pipeline / model;
        return new BenchmarkResult(
            [
                new("documents", documents.Count),
                new("pages", pages),
                new("failed_other", failedOther),
                new("ratio", ratio),
                new("search_p99_ms", Percentile.Of(sorted, 0.99)),
                new("toa_ms", toa),
                new("worker_rss_mib", workerRss),
            ],
            [
                new("documents", documents.Count.ToString(CultureInfo.InvariantCulture), $"{files.Count} files from {folder ?? "the repository's recap-filings and ingestion-regressions"}; {ready.Count} ready; OCR {(ocr ? "on" : "off")}"),
                new("failures by code", failures.Count == 0 ? "none" : string.Join(", ", failures.Select(g => $"{g.Key} {g.Count()}")), $"other than no text: {failedOther} (target 0)"),
                new("pages", pages.ToString(CultureInfo.InvariantCulture), BenchmarkReport.Format(pages / seconds, "/s")),
                new("chunks", chunks.ToString(CultureInfo.InvariantCulture), $"upload start to the last document's final state: {seconds:F1} s"),
                new("pipeline chunks/s", BenchmarkReport.Format(pipeline, "/s"), "upload → extract → chunk → cite → embed → index"),
                new("model alone chunks/s", BenchmarkReport.Format(model, "/s"), "the same chunks in this process, after the pipeline, the app idle"),
                new("ratio (pipeline / model)", BenchmarkReport.Format(ratio, "×"), "target ≥ 0.8"),
                new("search p50 / p99", $"{Percentile.Of(sorted, 0.5):F0} / {Percentile.Of(sorted, 0.99):F0} ms", $"{Queries.Length} hybrid searches of mixed styles, one at a time; the first took {latencies[0]:F0} ms"),
                new("table of authorities", $"{toa:F0} ms", $"median of 3: {string.Join(" / ", authorities.Select(a => a.ToString("F0", CultureInfo.InvariantCulture)))} ms"),
                new("peak RSS", $"API {apiRss:F0} MiB, worker {workerRss:F0} MiB", "VmHWM; worker target < 500 MiB"),
            ]);
    }
}
