using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LexIntel.Tests.Integration.Queue;

[Collection(RedisCollection.Name)]
[Tier(TestTier.Integration)]
public sealed class QueueTelemetryTests(RedisServer redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_is_processed_inside_the_trace_that_enqueued_it()
    {
        var kind = QueueHost.NewKind();
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == QueueTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var host = QueueHost.Create(redis, kind, new JobScript(), "c1");
        await host.StartAsync(Cancel);

        ActivityTraceId uploadTrace;
        using (var upload = new Activity("upload").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            uploadTrace = upload.TraceId;
            await host.Services.GetRequiredService<JobPublisher>().EnqueueAsync(QueueHost.Job(kind), Cancel);
        }

        await Eventually.HoldsAsync(() => stopped.Any(a => a.DisplayName == $"{kind} process"), Patience, "the consumer span");
        var publish = Assert.Single(stopped, a => a.DisplayName == $"{kind} publish");
        var process = Assert.Single(stopped, a => a.DisplayName == $"{kind} process");
        Assert.Equal(uploadTrace, publish.TraceId);
        Assert.Equal(uploadTrace, process.TraceId);
        Assert.Equal(publish.SpanId, process.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, process.Kind);
        Assert.Equal("completed", process.GetTagItem("lexintel.job.outcome"));
        await host.StopAsync(Cancel);
    }

    [Fact]
    public async Task Outcomes_are_counted_by_kind()
    {
        var kind = QueueHost.NewKind();
        var measurements = new ConcurrentQueue<(string Instrument, long Value)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == QueueTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "kind" && Equals(tag.Value, kind))
                {
                    measurements.Enqueue((instrument.Name, value));
                }
            }
        });
        listener.Start();

        var script = new JobScript { Behavior = (job, _) => job.Key == "bad" ? throw new PermanentJobException("corrupt", "broken") : Task.CompletedTask };
        using var host = QueueHost.Create(redis, kind, script, "c1");
        await host.StartAsync(Cancel);
        var publisher = host.Services.GetRequiredService<JobPublisher>();
        await publisher.EnqueueAsync(QueueHost.Job(kind, "good"), Cancel);
        await publisher.EnqueueAsync(QueueHost.Job(kind, "bad"), Cancel);

        await Eventually.HoldsAsync(() => measurements.Any(m => m.Instrument == "lexintel.queue.jobs.failed"), Patience, "the failure to be counted");
        Assert.Contains(measurements, m => m.Instrument == "lexintel.queue.jobs.completed" && m.Value == 1);
        Assert.Contains(measurements, m => m.Instrument == "lexintel.queue.jobs.failed" && m.Value == 1);
        await host.StopAsync(Cancel);
    }
}
