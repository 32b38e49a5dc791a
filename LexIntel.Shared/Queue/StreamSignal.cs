namespace LexIntel.Shared.Queue;

/// <summary>An auto-reset wake-up for one reader of one stream.</summary>
public sealed class StreamSignal : IDisposable
{
    private readonly StreamSignals owner;
    private readonly SemaphoreSlim semaphore = new(0, 1);

    internal StreamSignal(StreamSignals owner, string streamKey)
    {
        this.owner = owner;
        StreamKey = streamKey;
    }

    public string StreamKey { get; }

    /// <summary>Waits until the stream is appended to or <paramref name="timeout"/> passes.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        semaphore.WaitAsync(timeout, cancellationToken);

    internal void Set()
    {
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
