using System.Security.Cryptography;

namespace LexIntel.Shared.Storage;

/// <summary>
/// Reads a stored file front to back, hashing it, and refuses to hand out its last bytes unless
/// the whole file hashes to the expected SHA-256: the read that reaches the end throws
/// <see cref="FileAlteredException"/> instead of returning them, so no reader (and no HTTP client,
/// which sees a response cut short of its Content-Length) ends up with the whole of an altered file.
/// </summary>
internal sealed class Sha256VerifyingStream(Stream inner, long length, string sha256, string key) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long position;
    private bool verified;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Verify(buffer, inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Verify(buffer.Span, read);
    }

    private int Verify(ReadOnlySpan<byte> buffer, int read)
    {
        if (buffer.IsEmpty)
        {
            return read;
        }

        if (verified)
        {
            // Bytes past the verified end: more than the file that was stored.
            return read == 0 ? 0 : throw new FileAlteredException(key);
        }

        position += read;
        if (read == 0 ? position != length : position > length)
        {
            throw new FileAlteredException(key);
        }

        hash.AppendData(buffer[..read]);
        if (position == length)
        {
            if (!string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new FileAlteredException(key);
            }

            verified = true;
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            hash.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        hash.Dispose();
        await base.DisposeAsync();
    }
}
