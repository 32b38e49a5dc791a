using System.Text;

namespace LexIntel.Tests.Infrastructure;

/// <summary>
/// A text file of any length, made up as it is read (one line over and over), so a test can hand an
/// extractor gigabytes without holding them. Seekable, as stored files are.
/// </summary>
public sealed class GeneratedTextStream(long length) : Stream
{
    private static readonly byte[] Line = Encoding.UTF8.GetBytes("The court held that 42 U.S.C. § 1983 applies to the claim.\n");

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get; set; }

    /// <summary>Bytes handed out so far, however often the stream was rewound.</summary>
    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - Position);
        for (var i = 0; i < n; i++)
        {
            buffer[offset + i] = Line[(Position + i) % Line.Length];
        }

        Position += n;
        BytesRead += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => Position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
