namespace LexIntel.Shared.Storage;

/// <summary>A file's head and tail at their places in a stream of the file's length, zeros between.</summary>
internal sealed class ContentSampleStream(byte[] head, byte[] tail, long length) : Stream
{
    private readonly long tailStart = length - tail.Length;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get; set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, Math.Max(0, length - Position));
        for (var i = 0; i < count; i++)
        {
            var at = Position + i;
            buffer[i] = at >= tailStart ? tail[at - tailStart] : at < head.Length ? head[at] : (byte)0;
        }

        Position += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        return Position = target;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
