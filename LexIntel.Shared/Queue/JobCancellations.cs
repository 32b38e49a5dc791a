using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LexIntel.Shared.Queue;

/// <summary>
/// Stops the jobs running for a document, on whichever worker runs them: a request goes out on a
/// Redis pub/sub channel (as stream wake-ups do), and every process cancels the token of its jobs
/// for that document (whose run is older than the one named). Pub/sub delivers at most once; a
/// request a worker misses costs time, not correctness: the job stops at its next stage, where it
/// finds its run is no longer current.
/// </summary>
public sealed partial class JobCancellations(IConnectionMultiplexer redis, ILogger<JobCancellations> logger) : IDisposable
{
    private readonly ConcurrentDictionary<Tracked, byte> running = new();
    private readonly SemaphoreSlim subscribeLock = new(1, 1);
    private volatile bool subscribed;

    /// <summary>Asks every worker to stop the document's jobs of runs before <paramref name="beforeRun"/> (all of them by default).</summary>
    public Task RequestAsync(Guid documentId, int beforeRun = int.MaxValue) =>
        redis.GetSubscriber().PublishAsync(RedisChannel.Literal(QueueKeys.CancelChannel), $"{documentId:N}:{beforeRun.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Listens for requests; a consumer subscribes before it takes its first job.</summary>
    public async Task SubscribeAsync()
    {
        if (subscribed)
        {
            return;
        }

        await subscribeLock.WaitAsync();
        try
        {
            if (!subscribed)
            {
                await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(QueueKeys.CancelChannel), (_, message) => Cancel(message.ToString()));
                subscribed = true;
            }
        }
        finally
        {
            subscribeLock.Release();
        }
    }

    /// <summary>Cancels <paramref name="cancel"/> when the job's document is; until the returned handle is disposed.</summary>
    public IDisposable Track(JobMessage job, CancellationTokenSource cancel)
    {
        var tracked = new Tracked(this, job.DocumentId, job.RunNumber, cancel);
        running.TryAdd(tracked, 0);
        return tracked;
    }

    private void Cancel(string message)
    {
        var parts = message.Split(':');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var documentId) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var beforeRun))
        {
            LogMalformedRequest(message);
            return;
        }

        foreach (var job in running.Keys.Where(j => j.DocumentId == documentId && j.RunNumber < beforeRun))
        {
            LogCancelling(documentId, job.RunNumber);
            try
            {
                // Not Cancel(): the token's callbacks (a sandbox kill, the handler's own) must not run on Redis's message thread.
                _ = job.Cancel.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // The job ended meanwhile.
            }
        }
    }

    public void Dispose() => subscribeLock.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed job cancellation request: {Message}")]
    private partial void LogMalformedRequest(string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelling the running job of document {DocumentId} run {Run}")]
    private partial void LogCancelling(Guid documentId, int run);

    private sealed class Tracked(JobCancellations owner, Guid documentId, int runNumber, CancellationTokenSource cancel) : IDisposable
    {
        public Guid DocumentId => documentId;

        public int RunNumber => runNumber;

        public CancellationTokenSource Cancel => cancel;

        public void Dispose() => owner.running.TryRemove(this, out _);
    }
}
