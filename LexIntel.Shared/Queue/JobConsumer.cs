using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LexIntel.Shared.Queue;

/// <summary>
/// Consumes one job stream as one named consumer of the kind's group: prefetch-bounded reads,
/// lease renewal while a job runs, acknowledgement only after the handler returns, reclaim of
/// entries whose consumer was lost, classified failures, and a graceful drain on shutdown.
/// </summary>
public sealed partial class JobConsumer
{
    /// <summary>Names, in a failure's reason, an exception no handler anticipated.</summary>
    private const string UnexpectedFailureCode = "internal_error";

    private readonly IConnectionMultiplexer redis;
    private readonly IServiceScopeFactory scopes;
    private readonly StreamSignals signals;
    private readonly JobCancellations cancellations;
    private readonly QueueTelemetry telemetry;
    private readonly TimeProvider time;
    private readonly ILogger<JobConsumer> logger;
    private readonly QueueOptions options;
    private readonly Type handlerType;
    private readonly string stream;
    private readonly string group;
    private volatile JobConsumerState state = JobConsumerState.Starting;
    private volatile string? readFailure;

    public JobConsumer(
        string kind,
        Type handlerType,
        IConnectionMultiplexer redis,
        IServiceScopeFactory scopes,
        StreamSignals signals,
        JobCancellations cancellations,
        QueueTelemetry telemetry,
        IOptions<QueueOptions> options,
        TimeProvider time,
        ILogger<JobConsumer> logger)
    {
        Kind = kind;
        this.handlerType = handlerType;
        this.redis = redis;
        this.scopes = scopes;
        this.signals = signals;
        this.cancellations = cancellations;
        this.telemetry = telemetry;
        this.time = time;
        this.logger = logger;
        this.options = options.Value;
        ConsumerName = this.options.ResolveConsumerName();
        stream = QueueKeys.Stream(kind);
        group = QueueKeys.Group(kind);
    }

    public string Kind { get; }

    public string ConsumerName { get; }

    /// <summary>Where the consumer is in its life, for the worker's health check.</summary>
    public JobConsumerState State => state;

    /// <summary>Why the last read of the stream failed, until a read succeeds again.</summary>
    public string? ReadFailure => readFailure;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Runs until <paramref name="stoppingToken"/> fires, then stops reading and gives in-flight jobs
    /// the grace period; whatever is still running after it is cancelled and left pending, to be
    /// reclaimed by another consumer.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ConsumeAsync(stoppingToken);
        }
        finally
        {
            state = JobConsumerState.Stopped;
        }
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await EnsureGroupAsync();
        using var signal = await signals.RegisterAsync(stream);
        await cancellations.SubscribeAsync();
        var concurrency = options.ConcurrencyFor(Kind);
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        using var shutdown = new CancellationTokenSource();
        var inFlight = new ConcurrentDictionary<Task, byte>();
        var reclaimInterval = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(100).Ticks, options.VisibilityTimeout.Ticks / 4));
        var nextReclaim = time.GetUtcNow();

        LogStarted(Kind, ConsumerName);
        state = JobConsumerState.Consuming;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var taken = 1;
                while (taken < options.Prefetch && slots.Wait(0, CancellationToken.None))
                {
                    taken++;
                }

                JobDelivery[] entries;
                try
                {
                    entries = [];
                    if (time.GetUtcNow() >= nextReclaim)
                    {
                        entries = await ReclaimAsync(taken);
                        nextReclaim = time.GetUtcNow() + reclaimInterval;
                    }

                    if (entries.Length == 0)
                    {
                        var read = await Db.StreamReadGroupAsync(stream, group, ConsumerName, StreamPosition.NewMessages, taken);
                        entries = [.. read.Select(entry => new JobDelivery(entry, Count: 1))];
                    }

                    readFailure = null;
                }
                catch (RedisException ex)
                {
                    readFailure = ex.Message;
                    slots.Release(taken);
                    LogReadFailed(ex, Kind);
                    await Task.Delay(options.PollInterval, time, stoppingToken);
                    await RecreateLostGroupAsync(ex);
                    continue;
                }

                if (taken > entries.Length)
                {
                    slots.Release(taken - entries.Length);
                }

                if (entries.Length == 0)
                {
                    await signal.WaitAsync(options.PollInterval, stoppingToken);
                    continue;
                }

                foreach (var entry in entries)
                {
                    var task = ProcessAsync(entry, shutdown.Token);
                    inFlight.TryAdd(task, 0);
                    _ = task.ContinueWith(
                        t =>
                        {
                            inFlight.TryRemove(t, out _);
                            slots.Release();
                        },
                        CancellationToken.None,
                        TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // No new job from here on, while the ones in flight drain.
        state = JobConsumerState.Stopped;
        await DrainAsync(inFlight, shutdown);
    }

    private async Task DrainAsync(ConcurrentDictionary<Task, byte> inFlight, CancellationTokenSource shutdown)
    {
        var running = Task.WhenAll(inFlight.Keys);
        if (running.IsCompleted)
        {
            return;
        }

        LogDraining(Kind, inFlight.Count, options.ShutdownGracePeriod);
        if (await Task.WhenAny(running, Task.Delay(options.ShutdownGracePeriod, time)) != running)
        {
            await shutdown.CancelAsync();

            // A handler that ignores its token cannot hold shutdown hostage: its entry stays
            // pending either way.
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(2), time));
        }
    }

    private async Task EnsureGroupAsync()
    {
        try
        {
            // From "0" so jobs enqueued before any worker ever ran are not skipped.
            await Db.StreamCreateConsumerGroupAsync(stream, group, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
        }
    }

    /// <summary>
    /// Redis forgets the group with the stream when it is flushed or restarts without its data, and
    /// no read succeeds again until the group is made anew; the jobs lost with it are re-queued by
    /// the reconciler. Should Redis still be away, the next read fails and this runs again.
    /// </summary>
    private async Task RecreateLostGroupAsync(RedisException error)
    {
        if (error is not RedisServerException || !error.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            await EnsureGroupAsync();
            LogGroupRecreated(Kind);
        }
        catch (RedisException ex)
        {
            LogReadFailed(ex, Kind);
        }
    }

    private async Task<JobDelivery[]> ReclaimAsync(int count)
    {
        var result = await Db.StreamAutoClaimAsync(stream, group, ConsumerName, (long)options.VisibilityTimeout.TotalMilliseconds, "0-0", count);
        if (result.ClaimedEntries.Length == 0)
        {
            return [];
        }

        telemetry.Reclaimed.Add(result.ClaimedEntries.Length, new KeyValuePair<string, object?>("kind", Kind));
        LogReclaimed(Kind, result.ClaimedEntries.Length, ConsumerName);
        var deliveries = new JobDelivery[result.ClaimedEntries.Length];
        for (var i = 0; i < deliveries.Length; i++)
        {
            // XAUTOCLAIM counted this delivery; XPENDING tells how many there have been in all. An
            // entry it no longer lists was settled meanwhile by a consumer thought lost; it was
            // reclaimed all the same, so it has been delivered at least twice.
            var entry = result.ClaimedEntries[i];
            var pending = await Db.StreamPendingMessagesAsync(stream, group, 1, ConsumerName, entry.Id, entry.Id);
            deliveries[i] = new JobDelivery(entry, pending.Length == 1 ? pending[0].DeliveryCount : 2);
        }

        return deliveries;
    }

    private async Task ProcessAsync(JobDelivery delivery, CancellationToken shutdownToken)
    {
        // Leave the read loop first: the handler may run synchronously for a while.
        await Task.Yield();
        var started = time.GetTimestamp();
        var entry = delivery.Entry;
        JobMessage job;
        try
        {
            // Every delivery counts: an entry delivered again because its run was lost (its worker
            // died, or gave it up at the hard time limit) runs as a further attempt, not the same one.
            job = JobMessage.FromEntries(entry.Values);
            job = job with { Attempt = job.Attempt + (int)delivery.Count - 1 };
        }
        catch (PermanentJobException ex)
        {
            await SettleAsync(() => DeadLetterAsync(entry, entry.Values, ex.Code, ex.Message, attempts: 0, permanent: true));
            return;
        }

        ActivityContext.TryParse(job.TraceParent, job.TraceState, out var parent);
        using var activity = QueueTelemetry.ActivitySource.StartActivity($"{Kind} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "redis");
        activity?.SetTag("messaging.destination.name", stream);
        activity?.SetTag("messaging.message.id", entry.Id.ToString());
        activity?.SetTag("messaging.consumer.group.name", group);
        activity?.SetTag("lexintel.document.id", job.DocumentId);
        activity?.SetTag("lexintel.job.attempt", job.Attempt);

        var outcome = "completed";
        try
        {
            outcome = await RunHandlerAsync(delivery, job, shutdownToken);
        }
        finally
        {
            activity?.SetTag("lexintel.job.outcome", outcome);
            telemetry.Duration.Record(
                time.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("kind", Kind),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    private async Task<string> RunHandlerAsync(JobDelivery delivery, JobMessage job, CancellationToken shutdownToken)
    {
        var entry = delivery.Entry;
        if (delivery.Count > 1 && job.Attempt > options.DeliveryCap)
        {
            // The run before this one ended with its worker; a file that takes a worker down takes
            // down every worker that tries it, so it is not run again.
            LogGaveUpAfterLostRun(Kind, entry.Id.ToString(), job.Attempt - 1);
            await SettleAsync(() => FailAsync(entry, job, JobFailure.WorkerCrashed(job.Attempt - 1)));
            telemetry.DeadLettered.Add(1, new KeyValuePair<string, object?>("kind", Kind));
            return "dead_lettered";
        }

        // Not `using`: a cancelled job's handler may run on after its slot is freed, and keeps its
        // scope and tokens until it ends.
        var softLimit = new CancellationTokenSource(options.SoftTimeLimit, time);
        var cancelled = new CancellationTokenSource();
        var handlerToken = CancellationTokenSource.CreateLinkedTokenSource(softLimit.Token, shutdownToken, cancelled.Token);
        var scope = scopes.CreateAsyncScope();
        async Task ReleaseAsync()
        {
            await scope.DisposeAsync();
            handlerToken.Dispose();
            cancelled.Dispose();
            softLimit.Dispose();
        }

        var runningField = $"{Kind}/{entry.Id}";
        Task? handling = null;
        var tracking = cancellations.Track(job, cancelled);
        try
        {
            var handler = (IJobHandler)scope.ServiceProvider.GetRequiredService(handlerType);
            await SettleAsync(() => Db.HashSetAsync(QueueKeys.Running, runningField, JsonSerializer.Serialize(
                new RunningJob(ConsumerName, Kind, entry.Id.ToString(), job.TenantId, job.CaseId, job.DocumentId, job.RunNumber, job.Attempt, time.GetUtcNow()))));
            handling = Task.Run(() => handler.HandleAsync(job, handlerToken.Token), CancellationToken.None);
            return await SettleRunAsync(delivery, job, handling, softLimit, cancelled, shutdownToken);
        }
        finally
        {
            tracking.Dispose();
            await SettleAsync(() => Db.HashDeleteAsync(QueueKeys.Running, runningField));
            if (handling is null || handling.IsCompleted)
            {
                await ReleaseAsync();
            }
            else
            {
                _ = handling.ContinueWith(_ => ReleaseAsync(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        }
    }

    private async Task<string> SettleRunAsync(JobDelivery delivery, JobMessage job, Task handling, CancellationTokenSource softLimit, CancellationTokenSource cancelled, CancellationToken shutdownToken)
    {
        var entry = delivery.Entry;
        switch (await RenewLeaseUntilDoneAsync(entry, handling, cancelled.Token))
        {
            case LeaseEnd.HardLimit:
                return await AbandonAsync(entry, job, handling);
            case LeaseEnd.Cancelled:
                return await SettleCancelledAsync(entry, handling);
        }

        try
        {
            await handling;
        }
        catch (Exception) when (cancelled.IsCancellationRequested)
        {
            return await SettleCancelledAsync(entry, handling);
        }
        catch (OperationCanceledException) when (shutdownToken.IsCancellationRequested)
        {
            // Cut off by this worker's shutdown, not by anything the job did: the delivery is not
            // counted against it, and the entry is left idle enough to be reclaimed at once.
            LogLeftPending(Kind, entry.Id.ToString());
            await SettleAsync(() => Db.ExecuteAsync(
                "XCLAIM",
                [stream, group, ConsumerName, 0, entry.Id, "IDLE", (long)options.VisibilityTimeout.TotalMilliseconds, "RETRYCOUNT", delivery.Count - 1, "JUSTID"]));
            return "interrupted";
        }
        catch (PermanentJobException ex)
        {
            await SettleAsync(() => FailAsync(entry, job, new JobFailure(ex.Code, ex.Message, DeadLettered: false, job.Attempt)));
            telemetry.Failed.Add(1, new KeyValuePair<string, object?>("kind", Kind));
            return "failed";
        }
        catch (Exception ex)
        {
            var timedOut = softLimit.IsCancellationRequested && ex is OperationCanceledException;
            if (timedOut && job.Attempt >= options.DeliveryCap)
            {
                return await GiveUpTimedOutAsync(entry, job, options.SoftTimeLimit);
            }

            var reason = timedOut ? $"timed out after the soft limit of {options.SoftTimeLimit}"
                : ex is RetryableJobException ? ex.Message
                : UnexpectedFailure(entry);
            return await RetryOrDeadLetterAsync(entry, job, ex, reason);
        }

        await SettleAsync(() => Db.ScriptEvaluateAsync(RedisScripts.Complete, [stream], [group, entry.Id]));
        telemetry.Completed.Add(1, new KeyValuePair<string, object?>("kind", Kind));
        return "completed";
    }

    /// <summary>
    /// The document was cancelled, reprocessed or deleted (<see cref="JobCancellations"/>), which
    /// already said what became of it: the entry is acknowledged, not failed or retried, and the
    /// slot takes the next job at once. A handler that ignores its token (a parser stuck in native
    /// code) runs on unobserved until it ends; one in the extraction sandbox was killed with it.
    /// </summary>
    private async Task<string> SettleCancelledAsync(StreamEntry entry, Task handling)
    {
        LogCancelled(Kind, entry.Id.ToString());
        await SettleAsync(() => Db.ScriptEvaluateAsync(RedisScripts.Complete, [stream], [group, entry.Id]));
        telemetry.Cancelled.Add(1, new KeyValuePair<string, object?>("kind", Kind));
        if (!handling.IsCompleted)
        {
            _ = handling.ContinueWith(
                t => LogCancelledEnded(Kind, entry.Id.ToString(), t.Exception?.GetBaseException().Message ?? "completed"),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return "cancelled";
    }

    /// <summary>
    /// Past the hard limit the handler has ignored its token (cancelled at the soft limit) for the
    /// difference between the two limits. The entry stops being renewed: on its last run it is given
    /// up as timed out, otherwise its lease lapses and a consumer reclaims it as a further attempt.
    /// A thread cannot be stopped from outside, so the handler keeps its slot until it ends: one that
    /// never ends costs this consumer one slot and one core, never one more for each entry it abandons.
    /// </summary>
    private async Task<string> AbandonAsync(StreamEntry entry, JobMessage job, Task handling)
    {
        telemetry.Abandoned.Add(1, new KeyValuePair<string, object?>("kind", Kind));
        LogAbandoned(Kind, entry.Id.ToString(), options.HardTimeLimit);
        var outcome = "abandoned";
        if (job.Attempt >= options.DeliveryCap)
        {
            outcome = await GiveUpTimedOutAsync(entry, job, options.HardTimeLimit);
        }

        string result;
        try
        {
            await handling;
            result = "completed";
        }
        catch (Exception ex)
        {
            result = ex.GetBaseException().Message;
        }

        LogAbandonedEnded(Kind, entry.Id.ToString(), result);
        return outcome;
    }

    private async Task<string> GiveUpTimedOutAsync(StreamEntry entry, JobMessage job, TimeSpan limit)
    {
        LogGaveUpAfterTimeout(Kind, entry.Id.ToString(), job.Attempt, limit);
        await SettleAsync(() => FailAsync(entry, job, JobFailure.TimedOut(job.Attempt, limit)));
        telemetry.DeadLettered.Add(1, new KeyValuePair<string, object?>("kind", Kind));
        return "dead_lettered";
    }

    /// <summary>Renews the entry's lease until the handler finishes, the hard limit passes or the job is cancelled.</summary>
    private async Task<LeaseEnd> RenewLeaseUntilDoneAsync(StreamEntry entry, Task handling, CancellationToken cancelled)
    {
        var deadline = time.GetUtcNow() + options.HardTimeLimit;
        var renewEvery = options.VisibilityTimeout / 3;
        var cancellation = Task.Delay(Timeout.Infinite, cancelled);
        while (true)
        {
            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return handling.IsCompleted ? LeaseEnd.Done : LeaseEnd.HardLimit;
            }

            var wait = remaining < renewEvery ? remaining : renewEvery;
            var first = await Task.WhenAny(handling, cancellation, Task.Delay(wait, time, CancellationToken.None));
            if (first == handling)
            {
                return LeaseEnd.Done;
            }

            if (first == cancellation)
            {
                return LeaseEnd.Cancelled;
            }

            if (time.GetUtcNow() < deadline)
            {
                try
                {
                    // XCLAIM … JUSTID by the owner resets the idle time without counting a delivery.
                    await Db.StreamClaimIdsOnlyAsync(stream, group, ConsumerName, 0, [entry.Id]);
                }
                catch (RedisException ex)
                {
                    LogRenewFailed(ex, Kind, entry.Id.ToString());
                }
            }
        }
    }

    private async Task<string> RetryOrDeadLetterAsync(StreamEntry entry, JobMessage job, Exception error, string reason)
    {
        if (job.Attempt >= options.MaxAttempts)
        {
            LogDeadLettered(error, Kind, entry.Id.ToString(), job.Attempt);
            await SettleAsync(() => FailAsync(entry, job, new JobFailure("dead_lettered", $"Gave up after {job.Attempt} attempts: {reason}", DeadLettered: true, job.Attempt)));
            telemetry.DeadLettered.Add(1, new KeyValuePair<string, object?>("kind", Kind));
            return "dead_lettered";
        }

        var delay = options.RetryDelay(job.Attempt, Random.Shared.NextDouble());
        var due = time.GetUtcNow() + delay;
        var next = job with { Attempt = job.Attempt + 1 };
        var member = next.ToDelayedMember();
        LogRetrying(error, Kind, entry.Id.ToString(), job.Attempt, delay);
        await SettleAsync(() => Db.ScriptEvaluateAsync(
            RedisScripts.Retry,
            [stream, QueueKeys.Delayed(Kind)],
            [group, entry.Id, due.ToUnixTimeMilliseconds(), member]));
        telemetry.Retried.Add(1, new KeyValuePair<string, object?>("kind", Kind));
        return "retried";
    }

    /// <summary>
    /// The reason users are shown for an exception no handler anticipated: its message may carry
    /// server paths or internals, so it goes to the log (and the trace) only, and the reason says
    /// where to find it.
    /// </summary>
    private static string UnexpectedFailure(StreamEntry entry) =>
        $"processing failed unexpectedly ({UnexpectedFailureCode}); the error was logged with "
        + (Activity.Current is { } activity ? $"trace id {activity.TraceId}" : $"queue entry {entry.Id}");

    private async Task FailAsync(StreamEntry entry, JobMessage job, JobFailure failure)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (scope.ServiceProvider.GetService<IJobFailureRecorder>() is { } recorder)
            {
                await recorder.RecordAsync(job, failure, CancellationToken.None);
            }
        }

        await DeadLetterAsync(entry, job.ToEntries(), failure.Code, failure.Reason, failure.Attempts, permanent: !failure.DeadLettered);
    }

    private async Task DeadLetterAsync(StreamEntry entry, NameValueEntry[] fields, string code, string error, int attempts, bool permanent)
    {
        var arguments = new List<RedisValue> { group, entry.Id, options.DeadLetterMaxLength };
        foreach (var field in fields.Where(f => f.Name != "attempt"))
        {
            arguments.Add(field.Name);
            arguments.Add(field.Value);
        }

        arguments.AddRange(
        [
            "attempt", attempts,
            "errorCode", code,
            "error", error,
            "permanent", permanent ? 1 : 0,
            "failedAt", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            "originalId", entry.Id,
        ]);
        await Db.ScriptEvaluateAsync(RedisScripts.DeadLetter, [stream, QueueKeys.Dead(Kind)], [.. arguments]);
    }

    /// <summary>
    /// Settling an entry can fail (Redis or the database down); the entry then stays pending and is
    /// reclaimed and run again later, which the handlers' idempotency makes safe.
    /// </summary>
    private async Task SettleAsync(Func<Task> settle)
    {
        try
        {
            await settle();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogSettleFailed(ex, Kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming {Kind} jobs as {Consumer}")]
    private partial void LogStarted(string kind, string consumer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading {Kind} jobs failed; trying again")]
    private partial void LogReadFailed(Exception exception, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis had lost the consumer group of {Kind} jobs; made it again")]
    private partial void LogGroupRecreated(string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: waiting for {Count} {Kind} job(s) up to {Grace}")]
    private partial void LogDraining(string kind, int count, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reclaimed {Count} stalled {Kind} job(s) as {Consumer}")]
    private partial void LogReclaimed(string kind, int count, string consumer);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} job {EntryId} passed the hard time limit of {Limit}; abandoned, its handler keeps its slot until it ends")]
    private partial void LogAbandoned(string kind, string entryId, TimeSpan limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} job {EntryId} cancelled: its document was cancelled, reprocessed or deleted; acknowledged")]
    private partial void LogCancelled(string kind, string entryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cancelled {Kind} job {EntryId} finally ended: {Result}")]
    private partial void LogCancelledEnded(string kind, string entryId, string result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Abandoned {Kind} job {EntryId} finally ended: {Result}")]
    private partial void LogAbandonedEnded(string kind, string entryId, string result);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} job {EntryId} interrupted by shutdown; left pending for another consumer")]
    private partial void LogLeftPending(string kind, string entryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of {Kind} job {EntryId} failed")]
    private partial void LogRenewFailed(Exception exception, string kind, string entryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} job {EntryId} failed on attempt {Attempt}; retrying in {Delay}")]
    private partial void LogRetrying(Exception exception, string kind, string entryId, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} job {EntryId} failed on its last attempt ({Attempt}); dead-lettered")]
    private partial void LogDeadLettered(Exception exception, string kind, string entryId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} job {EntryId} was reclaimed after its run {Runs} was lost with its worker; dead-lettered")]
    private partial void LogGaveUpAfterLostRun(string kind, string entryId, int runs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} job {EntryId} passed the time limit of {Limit} on attempt {Attempt}; dead-lettered")]
    private partial void LogGaveUpAfterTimeout(string kind, string entryId, int attempt, TimeSpan limit);

    [LoggerMessage(Level = LogLevel.Error, Message = "Settling a {Kind} job failed; it stays pending and will be reclaimed")]
    private partial void LogSettleFailed(Exception exception, string kind);

    private enum LeaseEnd
    {
        Done,
        HardLimit,
        Cancelled,
    }
}
