using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace LexIntel.Shared.Queue;

/// <summary>Puts jobs on their streams. Idempotent per <see cref="JobMessage.Key"/> within the window.</summary>
public sealed class JobPublisher(IConnectionMultiplexer redis, Microsoft.Extensions.Options.IOptions<QueueOptions> options, TimeProvider time)
{
    /// <summary>
    /// Enqueues <paramref name="job"/> and returns its stream id, or null when a job with the same
    /// key was already enqueued within <see cref="QueueOptions.IdempotencyWindow"/>.
    /// </summary>
    public async Task<string?> EnqueueAsync(JobMessage job, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = QueueTelemetry.ActivitySource.StartActivity($"{job.Kind} publish", ActivityKind.Producer);
        activity?.SetTag("messaging.system", "redis");
        activity?.SetTag("messaging.destination.name", QueueKeys.Stream(job.Kind));
        activity?.SetTag("lexintel.document.id", job.DocumentId);

        var context = activity?.Context ?? Activity.Current?.Context;
        var message = job with
        {
            EnqueuedAt = job.EnqueuedAt == default ? time.GetUtcNow() : job.EnqueuedAt,
            TraceParent = job.TraceParent ?? (context is { } c && c != default ? FormatTraceParent(c) : null),
            TraceState = job.TraceState ?? context?.TraceState,
        };

        var arguments = new List<RedisValue>
        {
            (long)options.Value.IdempotencyWindow.TotalMilliseconds,
            QueueKeys.NotifyChannel,
        };
        foreach (var entry in message.ToEntries())
        {
            arguments.Add(entry.Name);
            arguments.Add(entry.Value);
        }

        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            RedisScripts.Enqueue,
            [QueueKeys.Stream(job.Kind), QueueKeys.Dedup(job.Kind, job.Key), QueueKeys.Markers(job.DocumentId)],
            [.. arguments]);

        var id = result.IsNull ? null : result.ToString();
        activity?.SetTag("messaging.message.id", id);
        return id;
    }

    private static string FormatTraceParent(ActivityContext context) =>
        string.Create(CultureInfo.InvariantCulture, $"00-{context.TraceId}-{context.SpanId}-{((int)context.TraceFlags):x2}");
}
