namespace LexIntel.Tests.Infrastructure;

/// <summary>
/// A request body whose sender stops for good after its first part: reads return
/// <paramref name="head"/>, then wait until cancelled. <see cref="Stalled"/> completes once the
/// reader has taken the head and asks for more.
/// </summary>
public sealed class StallingStream(byte[] head) : Stream
{
    private readonly TaskCompletionSource stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int position;

    public Task Stalled => stalled.Task;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position < head.Length)
        {
            var count = Math.Min(buffer.Length, head.Length - position);
            head.AsMemory(position, count).CopyTo(buffer);
            position += count;
            return count;
        }

        stalled.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
