using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LexIntel.Shared.Queue;

/// <summary>
/// The queue's OpenTelemetry instruments. Counters and the duration histogram are recorded as jobs
/// run; the gauges report the last <see cref="QueueStats"/> sampled by <see cref="QueueMetricsSampler"/>.
/// </summary>
public sealed class QueueTelemetry : IDisposable
{
    public const string Name = "LexIntel.Queue";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter meter;
    private volatile IReadOnlyList<QueueStats> lastStats = [];

    public QueueTelemetry(IMeterFactory meterFactory)
    {
        meter = meterFactory.Create(Name);
        Duration = meter.CreateHistogram<double>("lexintel.queue.job.duration", "s", "Time from a job's delivery to its outcome.");
        Completed = meter.CreateCounter<long>("lexintel.queue.jobs.completed", description: "Jobs that ran to completion and were acknowledged.");
        Retried = meter.CreateCounter<long>("lexintel.queue.jobs.retried", description: "Failed attempts scheduled for a delayed retry.");
        Failed = meter.CreateCounter<long>("lexintel.queue.jobs.failed", description: "Jobs failed for good by a permanent error.");
        DeadLettered = meter.CreateCounter<long>("lexintel.queue.jobs.dead_lettered", description: "Jobs moved to the dead-letter stream after their last attempt.");
        Abandoned = meter.CreateCounter<long>("lexintel.queue.jobs.abandoned", description: "Jobs given up at the hard time limit, left to be reclaimed.");
        Cancelled = meter.CreateCounter<long>("lexintel.queue.jobs.cancelled", description: "Running jobs stopped because their document was cancelled, reprocessed or deleted.");
        Reclaimed = meter.CreateCounter<long>("lexintel.queue.jobs.reclaimed", description: "Entries taken over from a consumer that stopped renewing them.");

        meter.CreateObservableGauge("lexintel.queue.length", () => Observe(s => s.Length), description: "Entries in the job stream (backlog and in flight).");
        meter.CreateObservableGauge("lexintel.queue.pending", () => Observe(s => s.Pending), description: "Entries delivered and not yet acknowledged.");
        meter.CreateObservableGauge("lexintel.queue.lag", () => Observe(s => s.Lag ?? 0), description: "Entries not yet delivered to the consumer group.");
        meter.CreateObservableGauge("lexintel.queue.delayed", () => Observe(s => s.Delayed), description: "Retries waiting for their time.");
        meter.CreateObservableGauge("lexintel.queue.dead", () => Observe(s => s.DeadLetters), description: "Entries in the dead-letter stream.");
    }

    public Histogram<double> Duration { get; }

    public Counter<long> Completed { get; }

    public Counter<long> Retried { get; }

    public Counter<long> Failed { get; }

    public Counter<long> DeadLettered { get; }

    public Counter<long> Abandoned { get; }

    public Counter<long> Reclaimed { get; }

    public Counter<long> Cancelled { get; }

    internal void Publish(IReadOnlyList<QueueStats> stats) => lastStats = stats;

    private IEnumerable<Measurement<long>> Observe(Func<QueueStats, long> value) =>
        lastStats.Select(s => new Measurement<long>(value(s), new KeyValuePair<string, object?>("kind", s.Kind)));

    public void Dispose() => meter.Dispose();
}
