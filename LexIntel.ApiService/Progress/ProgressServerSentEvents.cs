using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using LexIntel.Shared.Progress;

namespace LexIntel.ApiService.Progress;

/// <summary>The events of a progress feed as Server-Sent Event items.</summary>
public static class ProgressServerSentEvents
{
    /// <summary>The current state from PostgreSQL (no id: it is not a place in the stream).</summary>
    public const string StateEventType = "state";

    public const string ProgressEventType = "progress";

    /// <summary>
    /// An SSE comment line, which every client ignores, keeps idle connections open. <see cref="SseItem{T}"/>
    /// cannot carry one, so it goes straight to the response between two items, while the formatter
    /// waits for the next.
    /// </summary>
    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();

    /// <summary>
    /// The snapshots, then the stream's events, with a heartbeat comment written to
    /// <paramref name="body"/> whenever nothing was sent for a while; a per-document feed ends after
    /// the final event, and every feed after <see cref="ProgressStreamOptions.MaxLifetime"/> or
    /// once <paramref name="serverStopping"/> fires.
    /// </summary>
    public static async IAsyncEnumerable<SseItem<ProgressEvent>> Create(
        IReadOnlyList<ProgressEvent> snapshots,
        IAsyncEnumerable<ProgressEntry> events,
        bool endAtFinal,
        ProgressStreamOptions options,
        TimeProvider time,
        Stream body,
        CancellationToken serverStopping,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // At the end of its lifetime the feed ends as it does when the client leaves, but cleanly: the
        // response completes and the client reconnects with the last id it saw. So it does when the
        // API stops, which would otherwise wait for its open feeds until the host's shutdown timeout
        // (and an orchestrator, no more patient, kill it with the feeds still open).
        using var lifetime = new CancellationTokenSource(options.MaxLifetime, time);
        using var over = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token, serverStopping);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, over.Token);
        foreach (var snapshot in snapshots)
        {
            yield return new SseItem<ProgressEvent>(snapshot, StateEventType) { ReconnectionInterval = options.ReconnectionInterval };
        }

        var enumerator = events.GetAsyncEnumerator(ended.Token);
        var next = enumerator.MoveNextAsync().AsTask();
        using var stopHeartbeat = CancellationTokenSource.CreateLinkedTokenSource(ended.Token);
        var lastSent = time.GetTimestamp();

        // One timer per connection and interval, not one per event: with hundreds of clients a
        // timer created and cancelled for every event they receive is measurable latency.
        Task? heartbeatDue = null;
        try
        {
            while (true)
            {
                if (!next.IsCompleted)
                {
                    heartbeatDue ??= Task.Delay(Max(options.HeartbeatInterval - time.GetElapsedTime(lastSent), TimeSpan.Zero), time, stopHeartbeat.Token);
                    if (await Task.WhenAny(next, heartbeatDue) != next)
                    {
                        heartbeatDue = null;
                        if (ended.IsCancellationRequested)
                        {
                            yield break;
                        }

                        if (time.GetElapsedTime(lastSent) >= options.HeartbeatInterval)
                        {
                            await body.WriteAsync(Heartbeat, cancellationToken);
                            await body.FlushAsync(cancellationToken);
                            lastSent = time.GetTimestamp();
                        }

                        continue;
                    }
                }

                bool more;
                try
                {
                    more = await next;
                }
                catch (OperationCanceledException) when (over.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    more = false;
                }

                if (!more)
                {
                    yield break;
                }

                var entry = enumerator.Current;
                yield return new SseItem<ProgressEvent>(entry.Event, ProgressEventType) { EventId = entry.Id };
                lastSent = time.GetTimestamp();
                if (endAtFinal && entry.Event.Final)
                {
                    yield break;
                }

                next = enumerator.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            // An async iterator cannot be disposed while a MoveNextAsync is pending (a client that
            // went away mid-wait): let the cancelled read finish first.
            await next.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await stopHeartbeat.CancelAsync();
            await enumerator.DisposeAsync();
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
