namespace LexIntel.Shared.Queue;

/// <summary>An auto-reset wake-up for one reader of one stream.</summary>
public sealed class StreamSignal : IDisposable
{
    private readonly StreamSignals owner;
    private readonly SemaphoreSlim semaphore = new(0, 1);
    private long notifiedAt;

    internal StreamSignal(StreamSignals owner, string streamKey)
    {
        this.owner = owner;
        StreamKey = streamKey;
    }

    public string StreamKey { get; }

    /// <summary>
    /// When the latest notification reached this process (a <see cref="System.Diagnostics.Stopwatch"/>
    /// timestamp): any read of the stream that starts after it sees the append it announced.
    /// </summary>
    public long NotifiedAt => Volatile.Read(ref notifiedAt);

    /// <summary>Waits until the stream is appended to or <paramref name="timeout"/> passes.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        semaphore.WaitAsync(timeout, cancellationToken);

    internal void Set(long notified)
    {
        Volatile.Write(ref notifiedAt, notified);
        try
        {
            if (semaphore.CurrentCount == 0)
            {
                semaphore.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Two notifications raced; one wake-up is all a reader needs.
        }
        catch (ObjectDisposedException)
        {
            // The reader has gone.
        }
    }

    public void Dispose()
    {
        owner.Unregister(this);
        semaphore.Dispose();
    }
}
