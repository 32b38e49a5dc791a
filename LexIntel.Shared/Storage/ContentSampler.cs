namespace LexIntel.Shared.Storage;

/// <summary>Collects a <see cref="ContentSample"/> from a file read in pieces, in memory bounded by the sample's size.</summary>
internal sealed class ContentSampler
{
    private readonly byte[] head = new byte[ContentSample.HeadLength];
    private readonly byte[] tail = new byte[ContentSample.TailLength];
    private int headLength;
    private int tailLength;
    private long length;

    public void Append(ReadOnlySpan<byte> piece)
    {
        length += piece.Length;
        if (headLength < head.Length)
        {
            var take = Math.Min(head.Length - headLength, piece.Length);
            piece[..take].CopyTo(head.AsSpan(headLength));
            headLength += take;
        }

        if (piece.Length >= tail.Length)
        {
            piece[^tail.Length..].CopyTo(tail);
            tailLength = tail.Length;
            return;
        }

        // Keep the newest bytes: shift out what the piece pushes past the tail's size.
        var keep = Math.Min(tailLength, tail.Length - piece.Length);
        tail.AsSpan(tailLength - keep, keep).CopyTo(tail);
        piece.CopyTo(tail.AsSpan(keep));
        tailLength = keep + piece.Length;
    }

    public ContentSample ToSample() => new(head[..headLength], tail[..tailLength], length);
}
