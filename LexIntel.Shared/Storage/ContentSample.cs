namespace LexIntel.Shared.Storage;

/// <summary>
/// The first and the last bytes of a file, kept while it streamed past: enough to tell its type
/// (<see cref="Documents.ContentSniffer"/> reads the head, and a zip's central directory, which
/// says whether it is a Word document, sits at the end) without reading the file again.
/// </summary>
public sealed class ContentSample
{
    /// <summary>As much of the start as the sniffer looks at.</summary>
    public const int HeadLength = 8 * 1024;

    /// <summary>
    /// As much of the end as a zip's central directory takes for a document of some thousands of
    /// parts; a larger directory reads as damaged and the file as not a Word document.
    /// </summary>
    public const int TailLength = 1024 * 1024;

    private readonly byte[] head;
    private readonly byte[] tail;

    internal ContentSample(byte[] head, byte[] tail, long length)
    {
        this.head = head;
        this.tail = tail;
        Length = length;
    }

    /// <summary>The whole file's length.</summary>
    public long Length { get; }

    /// <summary>
    /// A seekable, read-only stream as long as the file: its head and tail as they are, zeros in
    /// between (the whole file when it is no longer than <see cref="TailLength"/>).
    /// </summary>
    public Stream Open() => new ContentSampleStream(head, tail, Length);

    /// <summary>The sample of a file held whole in memory.</summary>
    public static ContentSample Of(ReadOnlySpan<byte> content)
    {
        var sampler = new ContentSampler();
        sampler.Append(content);
        return sampler.ToSample();
    }
}
