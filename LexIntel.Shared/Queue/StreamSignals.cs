using System.Collections.Concurrent;
using System.Diagnostics;
using StackExchange.Redis;

namespace LexIntel.Shared.Queue;

/// <summary>
/// Wakes readers of a stream as soon as something is appended to it. One pub/sub subscription per
/// process serves every reader (StackExchange.Redis does not allow blocking reads on its shared
/// connection, and a connection per reader would not scale); a missed notification only costs a
/// reader its poll interval, because the stream itself remains the record.
/// </summary>
public sealed class StreamSignals(IConnectionMultiplexer redis) : IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<StreamSignal, byte>> waiters = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim subscribeLock = new(1, 1);
    private volatile bool subscribed;

    public async Task<StreamSignal> RegisterAsync(string streamKey)
    {
        await EnsureSubscribedAsync();
        var signal = new StreamSignal(this, streamKey);
        waiters.GetOrAdd(streamKey, _ => new()).TryAdd(signal, 0);
        return signal;
    }

    internal void Unregister(StreamSignal signal)
    {
        if (waiters.TryGetValue(signal.StreamKey, out var set))
        {
            set.TryRemove(signal, out _);
            if (set.IsEmpty)
            {
                waiters.TryRemove(new KeyValuePair<string, ConcurrentDictionary<StreamSignal, byte>>(signal.StreamKey, set));
            }
        }
    }

    private async Task EnsureSubscribedAsync()
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
                await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(QueueKeys.NotifyChannel), (_, message) => Notify(message.ToString()));
                subscribed = true;
            }
        }
        finally
        {
            subscribeLock.Release();
        }
    }

    private void Notify(string streamKey)
    {
        if (waiters.TryGetValue(streamKey, out var set))
        {
            var notified = Stopwatch.GetTimestamp();
            foreach (var signal in set.Keys)
            {
                signal.Set(notified);
            }
        }
    }

    public void Dispose() => subscribeLock.Dispose();
}
