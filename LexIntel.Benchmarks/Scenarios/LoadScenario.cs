using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LexIntel.Benchmarks.Infrastructure;
using LexIntel.Benchmarks.Load;
using LexIntel.Tests.Harness;
using LexIntel.Tests.Harness.Retrieval;

namespace LexIntel.Benchmarks.Scenarios;

/// <summary>
/// The whole app (AppHost, embedded default, one worker) under a mixed load for a fixed time:
/// clients searching, asking, listing and uploading as fast as the app answers them (uploaders
/// paced), each upload's progress stream followed to its final event as a page that shows the
/// document would. All sign in with a bearer token. Searches and questions go to a case holding the
/// processed corpus; uploads take the corpus's files to new cases, so the worker processes them
/// meanwhile. Before the load, the same requests are sent one at a time, alone, as the baseline the
/// loaded latencies are compared with.
/// </summary>
internal sealed class LoadScenario(IReadOnlyList<string> args) : IBenchmarkScenario
{
    private const int DefaultSeconds = 60;

    private const int Searchers = 4;
    private const int Askers = 2;
    private const int Listers = 2;
    private const int Uploaders = 2;

    private const int BaselineSearchPasses = 2;
    private const int BaselineAsks = 20;
    private const int BaselineLists = 40;
    private const int WarmUpAsks = 3;

    private const string Search = "search";
    private const string Ask = "ask";
    private const string ListDocuments = "list documents";
    private const string ListCases = "list cases";
    private const string Upload = "upload";
    private const string CreateCase = "create case";

    /// <summary>
    /// An uploader waits this long after each upload, as someone adding files does: unpaced, two
    /// uploaders would queue work for the single worker many times faster than it can embed, and
    /// the run would measure a backlog rather than the app.
    /// </summary>
    private static readonly TimeSpan UploadPause = TimeSpan.FromSeconds(1);

    private static readonly string[] Endpoints = [Search, Ask, ListDocuments, ListCases, Upload, ProgressFollower.Endpoint, CreateCase];

    public string Name => "load";

    public string Description => "p50/p99 and throughput per endpoint of concurrent searches, questions, lists, uploads and progress streams for a fixed time, vs. each alone [--seconds N]";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var seconds = Seconds();
        await using var app = await BenchmarkApp.StartAsync(cancellationToken);
        using var http = app.CreateClient();
        var queries = (await LabelledQuery.ReadAsync(TestData.CourtDocumentQueries, cancellationToken)).Select(q => q.Query).ToList();

        var clock = Stopwatch.StartNew();
        var (indexCase, indexed) = await CaseUploader.UploadAndWaitAsync(http, TestData.UploadableCourtDocuments(), cancellationToken);
        Console.WriteLine($"load: corpus indexed in {clock.Elapsed.TotalSeconds:F0} s ({indexed.Count(d => d.Status == "ready")} documents ready, {indexed.Count(d => d.Status != "ready")} failed)");

        // Only the files the API takes (not the corpus's .wpd): a rejected upload would count as an error.
        var taken = indexed.Select(d => d.FileName).ToHashSet(StringComparer.Ordinal);
        var files = new List<(string Name, byte[] Bytes)>();
        foreach (var file in TestData.UploadableCourtDocuments().Where(f => taken.Contains(Path.GetFileName(f))))
        {
            files.Add((Path.GetFileName(file), await File.ReadAllBytesAsync(file, cancellationToken)));
        }

        var requests = new LoadRequests(indexCase, queries, files);
        var apiAfterIndexing = ApiRss();

        // Not measured: every query's embedding in the API's cache (as under the load, which repeats
        // them), the API's model loaded, and the hot paths compiled to their final tier.
        var warmUp = new LoadRecorder(http);
        await SendOneAtATimeAsync(warmUp, requests, lists: 3, searches: queries.Count, asks: WarmUpAsks, uploads: 1, cancellationToken);
        EnsureNoErrors("warm-up", warmUp);
        var apiAfterWarmUp = ApiRss();

        var baseline = new LoadRecorder(http);
        await SendOneAtATimeAsync(baseline, requests, BaselineLists, BaselineSearchPasses * queries.Count, BaselineAsks, requests.Files, cancellationToken);
        EnsureNoErrors("baseline", baseline);
        Console.WriteLine($"load: baseline done at {clock.Elapsed.TotalSeconds:F0} s; {seconds} s of load");

        var load = new LoadRecorder(http);
        var (elapsed, followers, memory, cores) = await RunLoadAsync(load, requests, TimeSpan.FromSeconds(seconds), app.DataDirectory, cancellationToken);

        var apiPeak = ProcessMemory.Kib("LexIntel.ApiService", "VmHWM") / 1024.0;
        var workerPeak = ProcessMemory.Kib("LexIntel.WorkerService", "VmHWM") / 1024.0;
        var records = load.Endpoints.Values.ToList();
        var total = records.Sum(r => r.Requests);
        var errors = records.Sum(r => r.Errors);
        var limited = records.Sum(r => r.RateLimited);
        var rows = new List<BenchmarkRow>
        {
            new("load", $"{seconds} s", $"{Searchers} searching, {Askers} asking, {Listers} listing (documents, cases in turn), each as fast as answered; {Uploaders} uploading with {UploadPause.TotalSeconds:F0} s pauses, each upload's progress stream followed; bearer tokens; rate limits lifted; {elapsed.TotalSeconds:F1} s to the last request's answer"),
        };
        rows.AddRange(Endpoints.Where(load.Endpoints.ContainsKey).Select(e => Row(e, load[e], baseline.Endpoints.GetValueOrDefault(e), elapsed)));
        rows.Add(new("requests", total.ToString("N0", CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"{total / elapsed.TotalSeconds:F1}/s in all; progress streams count once each")));
        rows.Add(new("errors", errors.ToString(CultureInfo.InvariantCulture), $"any status but 2xx and 429, an exception, or no answer within {LoadRecorder.RequestTimeout.TotalSeconds:F0} s; target 0; 429s: {limited}"));
        rows.AddRange(records.SelectMany(r => r.Failures).Select(f => new BenchmarkRow("  error", string.Empty, f)));
        rows.Add(new("progress streams", $"{followers.Finished}/{followers.Opened} final", $"streams of uploaded documents that saw the final event before the end; the rest were held open to the end (documents still queued behind the worker)"));
        rows.Add(new("cores busy", string.Create(CultureInfo.InvariantCulture, $"{cores.Machine:F2} of {Environment.ProcessorCount}"), $"on average during the load, the whole machine: {cores.Detail}"));
        rows.Add(new("API peak RSS", BenchmarkReport.Format(apiPeak, "MiB"), string.Create(CultureInfo.InvariantCulture, $"VmHWM over the whole run; VmRSS {apiAfterIndexing:F0} MiB after the corpus was indexed, {apiAfterWarmUp:F0} MiB after the first searches and questions, {memory.ApiFirst:F0} MiB at the load's start, {memory.ApiLast:F0} MiB at its end")));
        rows.Add(new("worker peak RSS", BenchmarkReport.Format(workerPeak, "MiB"), string.Create(CultureInfo.InvariantCulture, $"VmHWM over the whole run; VmRSS {memory.WorkerFirst:F0} MiB at the load's start, {memory.WorkerLast:F0} MiB at its end")));
        return new BenchmarkResult(
            [
                new("errors", errors),
                new("requests", total),
                new("search_p99_ms", load[Search].Percentile(0.99)),
                new("upload_p99_ms", load[Upload].Percentile(0.99)),
                new("api_peak_rss_mib", apiPeak),
            ],
            rows);
    }

    /// <summary>
    /// The load's kinds of request one at a time, with nothing else running: lists, searches and
    /// questions, and files uploaded to a new case, each upload's progress stream followed to its
    /// final event (so the worker is idle again afterwards).
    /// </summary>
    private static async Task SendOneAtATimeAsync(LoadRecorder recorder, LoadRequests requests, int lists, int searches, int asks, int uploads, CancellationToken cancellationToken)
    {
        for (var i = 0; i < lists; i++)
        {
            await recorder.SendAsync(ListDocuments, requests.ListDocuments, cancellationToken);
            await recorder.SendAsync(ListCases, LoadRequests.ListCases, cancellationToken);
        }

        for (var i = 0; i < searches; i++)
        {
            await recorder.SendAsync(Search, () => requests.Search(i), cancellationToken);
        }

        for (var i = 0; i < asks; i++)
        {
            await recorder.SendAsync(Ask, () => requests.Ask(i), cancellationToken);
        }

        var caseId = await CreateCaseAsync(recorder, cancellationToken);
        for (var i = 0; caseId is not null && i < uploads; i++)
        {
            foreach (var document in Created(await recorder.SendAsync(Upload, () => requests.Upload(caseId.Value, i), cancellationToken)))
            {
                await ProgressFollower.FollowAsync(recorder, document, CancellationToken.None, cancellationToken);
            }
        }
    }

    private static async Task<(TimeSpan Elapsed, (int Opened, int Finished) Followers, MemorySamples Memory, (double Machine, string Detail) Cores)> RunLoadAsync(
        LoadRecorder load, LoadRequests requests, TimeSpan length, string dataDirectory, CancellationToken cancellationToken)
    {
        var followers = new ConcurrentBag<Task<bool>>();
        var (apiFirst, workerFirst, cpu) = (ApiRss(), WorkerRss(), CpuUse.Now(dataDirectory));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(length);
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, Searchers).Select(c => RepeatAsync(c, Searchers, i => load.SendAsync(Search, () => requests.Search(i), cancellationToken)))
            .Concat(Enumerable.Range(0, Askers).Select(c => RepeatAsync(c, Askers, i => load.SendAsync(Ask, () => requests.Ask(i), cancellationToken))))
            .Concat(Enumerable.Range(0, Listers).Select(c => RepeatAsync(c, 1, i => i % 2 == 0
                ? load.SendAsync(ListDocuments, requests.ListDocuments, cancellationToken)
                : load.SendAsync(ListCases, LoadRequests.ListCases, cancellationToken))))
            .Concat(Enumerable.Range(0, Uploaders).Select(u => UploadAsync(u)))
            .ToList();
        await Task.WhenAll(clients);
        var elapsed = clock.Elapsed;
        var cores = CpuUse.Now(dataDirectory).CoresSince(cpu, elapsed);
        var finished = await Task.WhenAll(followers);
        return (elapsed, (finished.Length, finished.Count(f => f)), new MemorySamples(apiFirst, workerFirst, ApiRss(), WorkerRss()), cores);

        // Client number `client` of `clients` of a kind sends request i, i + clients, … so that together they go round every query.
        async Task RepeatAsync(int client, int clients, Func<int, Task<string?>> send)
        {
            for (var i = client; !stop.IsCancellationRequested; i += clients)
            {
                await send(i);
            }
        }

        // Each uploader fills a case of its own with the corpus, then starts another (the same file twice in a case is a duplicate).
        async Task UploadAsync(int uploader)
        {
            Guid? caseId = null;
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                if (i % requests.Files == 0)
                {
                    caseId = await CreateCaseAsync(load, cancellationToken);
                }

                if (caseId is { } id)
                {
                    var file = (i + uploader) % requests.Files;
                    foreach (var document in Created(await load.SendAsync(Upload, () => requests.Upload(id, file), cancellationToken)))
                    {
                        followers.Add(ProgressFollower.FollowAsync(load, document, stop.Token, cancellationToken));
                    }
                }

                await PauseAsync(UploadPause, stop.Token);
            }
        }
    }

    private static async Task<Guid?> CreateCaseAsync(LoadRecorder recorder, CancellationToken cancellationToken)
    {
        if (await recorder.SendAsync(CreateCase, LoadRequests.CreateCase, cancellationToken) is not { } body)
        {
            return null;
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>The documents an upload's response says it created.</summary>
    private static IEnumerable<Guid> Created(string? uploadResponse)
    {
        if (uploadResponse is null)
        {
            return [];
        }

        using var json = JsonDocument.Parse(uploadResponse);
        return [.. json.RootElement.GetProperty("files").EnumerateArray()
            .Where(f => f.GetProperty("outcome").GetString() == "created")
            .Select(f => f.GetProperty("document").GetProperty("id").GetGuid())];
    }

    /// <summary>Waits, or less when the load ends meanwhile.</summary>
    private static async Task PauseAsync(TimeSpan pause, CancellationToken stop)
    {
        try
        {
            await Task.Delay(pause, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The load is over.
        }
    }

    /// <summary>Errors before the load mean the app is broken, not loaded: what the load would measure means nothing then.</summary>
    private static void EnsureNoErrors(string phase, LoadRecorder recorder)
    {
        var failed = recorder.Endpoints.Where(e => e.Value.Errors + e.Value.RateLimited > 0).ToList();
        if (failed.Count > 0)
        {
            var failures = failed.SelectMany(e => e.Value.Failures.DefaultIfEmpty($"{e.Key}: {e.Value.RateLimited} × 429"));
            throw new InvalidOperationException($"The {phase}, one request at a time, failed: {string.Join(" | ", failures)}");
        }
    }

    private static BenchmarkRow Row(string endpoint, EndpointRecord loaded, EndpointRecord? alone, TimeSpan elapsed)
    {
        var (p50, p99) = (loaded.Percentile(0.5), loaded.Percentile(0.99));
        var comparison = alone is null
            ? "not measured alone"
            : string.Create(CultureInfo.InvariantCulture, $"alone {alone.Percentile(0.5):F1} / {alone.Percentile(0.99):F1} ms ({alone.Succeeded}), p99 loaded / alone {p99 / alone.Percentile(0.99):F2}×");
        return new(
            $"{endpoint} p50 / p99",
            string.Create(CultureInfo.InvariantCulture, $"{p50:F1} / {p99:F1} ms"),
            string.Create(CultureInfo.InvariantCulture, $"{loaded.Succeeded:N0} ok, {loaded.Succeeded / elapsed.TotalSeconds:F1}/s; {comparison}; {loaded.RateLimited} × 429, {loaded.Errors} errors"));
    }

    private static double ApiRss() => ProcessMemory.Kib("LexIntel.ApiService", "VmRSS") / 1024.0;

    private static double WorkerRss() => ProcessMemory.Kib("LexIntel.WorkerService", "VmRSS") / 1024.0;

    private int Seconds()
    {
        var index = args.ToList().IndexOf("--seconds");
        if (index < 0)
        {
            return DefaultSeconds;
        }

        return index + 1 < args.Count && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= 5
            ? seconds
            : throw new ArgumentException("--seconds takes a whole number of seconds, at least 5.");
    }

    /// <summary>VmRSS in MiB at the load's start and end: growth that the load's end does not take back is what a leak looks like.</summary>
    private sealed record MemorySamples(double ApiFirst, double WorkerFirst, double ApiLast, double WorkerLast);
}
