using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using LexIntel.Benchmarks.Infrastructure;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LexIntel.Benchmarks.Scenarios;

/// <summary>
/// From a worker's append (the real <see cref="ProgressFeed"/>) to an SSE client's receipt through
/// the running API, with 1 and with 500 clients on a case's feed; against a bare XADD → XREAD BLOCK
/// on the same Redis in the same run. Also the API's memory per idle SSE client.
/// </summary>
internal sealed class ProgressScenario : IBenchmarkScenario
{
    private const int ManyClients = 500;
    private const int WarmUpEvents = 50;

    public string Name => "progress";

    public string Description => "append → SSE receipt latency through the API (1 and 500 clients) vs. raw XADD → XREAD BLOCK";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var app = await BenchmarkApp.StartAsync(cancellationToken);
        using var redis = await ConnectionMultiplexer.ConnectAsync((await app.App.GetConnectionStringAsync("redis", cancellationToken))!);
        var feed = new ProgressFeed(redis, new StreamSignals(redis), Options.Create(new ProgressOptions()));
        using var http = app.CreateClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue });

        var (p50One, p99One, _) = await RunAsync(http, feed, clients: 1, events: 300, cancellationToken);
        var apiBefore = ProcessMemory.Kib("LexIntel.ApiService", "VmRSS");
        var (p50Many, p99Many, apiDuring) = await RunAsync(http, feed, ManyClients, events: 100, cancellationToken);
        var kibPerClient = Math.Max(0, apiDuring - apiBefore) / (double)ManyClients;
        var baseline = await MeasureBaselineAsync(redis, cancellationToken);

        return new BenchmarkResult(
            [
                new("p50_ms_1", p50One),
                new("p99_ms_1", p99One),
                new("p50_ms_500", p50Many),
                new("p99_ms_500", p99Many),
                new("baseline_p99_ms", baseline),
                new("api_kib_per_idle_client", kibPerClient),
            ],
            [
                new("1 client p50", BenchmarkReport.Format(p50One, "ms"), "append by the real ProgressFeed → event parsed by an SSE client of /api/cases/{id}/progress"),
                new("1 client p99", BenchmarkReport.Format(p99One, "ms"), "target < 10 ms"),
                new($"{ManyClients} clients p50", BenchmarkReport.Format(p50Many, "ms"), "every client receives every event"),
                new($"{ManyClients} clients p99", BenchmarkReport.Format(p99Many, "ms"), "target < 50 ms"),
                new("baseline XADD → XREAD BLOCK p99", BenchmarkReport.Format(baseline, "ms"), "one blocked reader connection, same Redis"),
                new("API memory per idle client", BenchmarkReport.Format(kibPerClient, "KiB"), $"API RSS with {ManyClients} open feeds minus before"),
            ]);
    }

    private static async Task<Guid> CreateCaseAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var created = await http.PostAsJsonAsync("/api/cases", new { name = "progress benchmark" }, cancellationToken);
        return (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>Opens the clients on a new case, appends numbered events one at a time, and times each client's receipt of each.</summary>
    private static async Task<(double P50, double P99, long ApiKib)> RunAsync(HttpClient http, ProgressFeed feed, int clients, int events, CancellationToken cancellationToken)
    {
        var caseId = await CreateCaseAsync(http, cancellationToken);
        var sent = new ConcurrentDictionary<int, long>();
        var latencies = new ConcurrentBag<double>();
        using var connected = new CountdownEvent(clients);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = Enumerable.Range(0, clients).Select(_ => Task.Run(() => ReadAsync(http, caseId, sent, latencies, connected, stop.Token), CancellationToken.None)).ToList();

        // Each client announces itself with the warm-up event; only then is the feed known to be live.
        var warmUp = Task.Run(() => connected.Wait(cancellationToken), cancellationToken);
        while (!warmUp.IsCompleted)
        {
            await AppendAsync(feed, caseId, -1, cancellationToken);
            await Task.WhenAny(warmUp, Task.Delay(200, cancellationToken));
        }

        // Steady state, as every other scenario measures: the API's hot path jitted to its final tier.
        for (var i = 0; i < WarmUpEvents; i++)
        {
            await AppendAsync(feed, caseId, -2, cancellationToken);
            await Task.Delay(clients == 1 ? 5 : 50, cancellationToken);
        }

        var apiKib = ProcessMemory.Kib("LexIntel.ApiService", "VmRSS");
        for (var i = 0; i < events; i++)
        {
            sent[i] = Stopwatch.GetTimestamp();
            await AppendAsync(feed, caseId, i, cancellationToken);
            await Task.Delay(clients == 1 ? 5 : 50, cancellationToken);
        }

        await Task.Delay(1000, cancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        var sorted = latencies.Order().ToArray();
        return (Percentile.Of(sorted, 0.50), Percentile.Of(sorted, 0.99), apiKib);
    }

    private static Task<string> AppendAsync(ProgressFeed feed, Guid caseId, int sequence, CancellationToken cancellationToken) =>
        feed.AppendAsync(
            new ProgressEvent { DocumentId = Guid.Empty, CaseId = caseId, Stage = "extracting", Percent = 5, Message = sequence.ToString(CultureInfo.InvariantCulture), At = DateTimeOffset.UtcNow },
            cancellationToken);

    private static async Task ReadAsync(HttpClient http, Guid caseId, ConcurrentDictionary<int, long> sent, ConcurrentBag<double> latencies, CountdownEvent connected, CancellationToken cancellationToken)
    {
        var announced = false;
        try
        {
            using var response = await http.GetAsync($"/api/cases/{caseId}/progress", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await using var body = await response.EnsureSuccessStatusCode().Content.ReadAsStreamAsync(cancellationToken);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
            {
                var received = Stopwatch.GetTimestamp();
                if (item.EventType != "progress")
                {
                    continue;
                }

                using var json = JsonDocument.Parse(item.Data);
                var sequence = int.Parse(json.RootElement.GetProperty("message").GetString()!, CultureInfo.InvariantCulture);
                if (sequence < 0 && !announced)
                {
                    announced = true;
                    connected.Signal();
                }
                else if (sent.TryGetValue(sequence, out var started))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started, received).TotalMilliseconds);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The measurement is over.
        }
    }

    /// <summary>XADD → XREAD BLOCK on a connection of its own (a blocking read holds its connection).</summary>
    private static async Task<double> MeasureBaselineAsync(ConnectionMultiplexer redis, CancellationToken cancellationToken)
    {
        using var reader = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var key = $"bench:baseline:{Guid.NewGuid():N}";
        var latencies = new List<double>();
        var last = "$";
        for (var i = -20; i < 300; i++)
        {
            var read = reader.GetDatabase().ExecuteAsync("XREAD", "BLOCK", "5000", "STREAMS", key, last);
            await Task.Delay(2, cancellationToken);
            var started = Stopwatch.GetTimestamp();
            await redis.GetDatabase().StreamAddAsync(key, "n", i);
            var result = (RedisResult[])(await read)!;
            if (i >= 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            last = ((RedisResult[])((RedisResult[])((RedisResult[])result[0]!)[1]!)[0]!)[0].ToString();
        }

        await redis.GetDatabase().KeyDeleteAsync(key);
        return Percentile.Of([.. latencies.Order()], 0.99);
    }
}
