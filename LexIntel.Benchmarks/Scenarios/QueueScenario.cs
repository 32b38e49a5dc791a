using System.Diagnostics;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LexIntel.Benchmarks.Scenarios;

/// <summary>
/// No-op jobs per second through the real queue (enqueue → consumer → handler → ack) with one and
/// two consumers, against a bare XADD/XREADGROUP/XACK loop on the same server in the same run;
/// and progress append→read latency through the real feed.
/// </summary>
internal sealed class QueueScenario : IBenchmarkScenario
{
    private const int Jobs = 20_000;
    private const int WarmupJobs = 2_000;
    private const int ProgressSamples = 3_000;
    private const int PublishBatch = 500;

    public string Name => "queue";

    public string Description => "job throughput vs. a raw Redis Streams loop, and progress feed latency";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var server = await LocalRedisServer.StartAsync(cancellationToken);

        await MeasureBaselineAsync(server, WarmupJobs);
        var baseline = await MeasureBaselineAsync(server, Jobs);
        await MeasureQueueAsync(server, consumers: 1, WarmupJobs, cancellationToken);
        var one = await MeasureQueueAsync(server, consumers: 1, Jobs, cancellationToken);
        var two = await MeasureQueueAsync(server, consumers: 2, Jobs, cancellationToken);
        var (p50, p99) = await MeasureProgressAsync(server, cancellationToken);

        var ratio = one / baseline;
        return new BenchmarkResult(
            [
                new("jobs_per_s_1", one),
                new("jobs_per_s_2", two),
                new("baseline_per_s", baseline),
                new("ratio", ratio),
                new("progress_p50_ms", p50),
                new("progress_p99_ms", p99),
            ],
            [
                new("jobs/s, 1 consumer", BenchmarkReport.Format(one, "/s"), $"{Jobs:N0} no-op jobs, prefetch 1, concurrency 1"),
                new("jobs/s, 2 consumers", BenchmarkReport.Format(two, "/s"), "two consumers of one group, each with its own connection"),
                new("baseline XADD/XREADGROUP/XACK", BenchmarkReport.Format(baseline, "/s"), "bare StackExchange.Redis loop, one entry at a time"),
                new("ratio (1 consumer / baseline)", BenchmarkReport.Format(ratio, "×"), "target ≥ 0.5"),
                new("progress append→read p50", BenchmarkReport.Format(p50, "ms"), $"{ProgressSamples:N0} events, writer and watcher on separate connections"),
                new("progress append→read p99", BenchmarkReport.Format(p99, "ms"), "target < 5 ms"),
            ]);
    }

    private static async Task<double> MeasureBaselineAsync(LocalRedisServer server, int jobs)
    {
        await using var redis = await server.ConnectAsync();
        var db = redis.GetDatabase();
        var stream = $"bench:baseline:{Guid.NewGuid():N}";
        await db.StreamCreateConsumerGroupAsync(stream, "g", StreamPosition.Beginning, createStream: true);
        NameValueEntry[] fields = [new("doc", Guid.NewGuid().ToString()), new("kind", "noop")];

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < jobs; i++)
        {
            await db.StreamAddAsync(stream, fields);
            var entries = await db.StreamReadGroupAsync(stream, "g", "c", StreamPosition.NewMessages, 1);
            await db.StreamAcknowledgeAsync(stream, "g", entries[0].Id);
        }

        watch.Stop();
        await db.KeyDeleteAsync(stream);
        return jobs / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> MeasureQueueAsync(LocalRedisServer server, int consumers, int jobs, CancellationToken cancellationToken)
    {
        var kind = $"bench{Guid.NewGuid():N}";
        var counter = new JobCounter();
        var hosts = new List<IHost>();
        var connections = new List<ConnectionMultiplexer>();
        try
        {
            for (var i = 0; i < consumers; i++)
            {
                var connection = await server.ConnectAsync();
                connections.Add(connection);
                var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
                builder.Logging.ClearProviders();
                builder.Services.AddSingleton<IConnectionMultiplexer>(connection);
                builder.Services.AddSingleton(counter);
                builder.Services.AddJobQueue(o => o.ConsumerName = $"bench-{i}");
                builder.Services.AddJobHandler<NoOpJobHandler>(kind);
                var host = builder.Build();
                await host.StartAsync(cancellationToken);
                hosts.Add(host);
            }

            await using var producerConnection = await server.ConnectAsync();
            var publisher = new JobPublisher(producerConnection, Options.Create(new QueueOptions()), TimeProvider.System);
            var done = counter.Expect(jobs);
            var db = producerConnection.GetDatabase();

            var watch = Stopwatch.StartNew();
            for (var start = 0; start < jobs; start += PublishBatch)
            {
                var batch = Enumerable.Range(start, Math.Min(PublishBatch, jobs - start)).Select(n => publisher.EnqueueAsync(
                    new JobMessage { Kind = kind, Key = n.ToString(System.Globalization.CultureInfo.InvariantCulture), TenantId = Guid.Empty, CaseId = Guid.Empty, DocumentId = Guid.NewGuid() },
                    cancellationToken));
                await Task.WhenAll(batch);
            }

            await done.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
            while (await db.StreamLengthAsync(QueueKeys.Stream(kind)) > 0)
            {
                await Task.Delay(1, cancellationToken);
            }

            watch.Stop();
            return jobs / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync(CancellationToken.None);
                host.Dispose();
            }

            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<(double P50, double P99)> MeasureProgressAsync(LocalRedisServer server, CancellationToken cancellationToken)
    {
        await using var writerConnection = await server.ConnectAsync();
        await using var readerConnection = await server.ConnectAsync();
        var options = Options.Create(new ProgressOptions());
        var writer = new ProgressFeed(writerConnection, new StreamSignals(writerConnection), options);
        using var readerSignals = new StreamSignals(readerConnection);
        var reader = new ProgressFeed(readerConnection, readerSignals, options);
        var documentId = Guid.NewGuid();
        var caseId = Guid.NewGuid();

        var received = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var arrived = new SemaphoreSlim(0);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = Task.Run(
            async () =>
            {
                await foreach (var entry in reader.WatchAsync(ProgressKeys.Document(documentId), ProgressFeed.Beginning, stop.Token))
                {
                    received[entry.Id] = Stopwatch.GetTimestamp();
                    arrived.Release();
                }
            },
            CancellationToken.None);

        var latencies = new double[ProgressSamples];
        for (var i = -200; i < ProgressSamples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var id = await writer.AppendAsync(
                new ProgressEvent { DocumentId = documentId, CaseId = caseId, Stage = "extracting", Percent = Math.Abs(i) % 100, Message = "page", At = DateTimeOffset.UtcNow },
                cancellationToken);
            long arrival;
            while (!received.TryGetValue(id, out arrival))
            {
                await arrived.WaitAsync(cancellationToken);
            }

            if (i >= 0)
            {
                latencies[i] = Stopwatch.GetElapsedTime(started, arrival).TotalMilliseconds;
            }
        }

        await stop.CancelAsync();
        await watcher;
        Array.Sort(latencies);
        return (Percentile.Of(latencies, 0.50), Percentile.Of(latencies, 0.99));
    }
}
