using LexIntel.Shared.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LexIntel.Shared.Queue;

/// <summary>Samples queue depths for the gauges of <see cref="QueueTelemetry"/>.</summary>
public sealed partial class QueueMetricsSampler(
    QueueAdmin admin,
    QueueTelemetry telemetry,
    IEnumerable<JobHandlerRegistration> registrations,
    TimeProvider time,
    ILogger<QueueMetricsSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var kinds = DocumentPipeline.JobKinds.Union(registrations.Select(r => r.Kind)).ToList();
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var stats = new List<QueueStats>();
                foreach (var kind in kinds)
                {
                    stats.Add(await admin.GetStatsAsync(kind));
                }

                telemetry.Publish(stats);
            }
            catch (RedisException ex)
            {
                LogSampleFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sampling queue depths failed")]
    private partial void LogSampleFailed(Exception exception);
}
