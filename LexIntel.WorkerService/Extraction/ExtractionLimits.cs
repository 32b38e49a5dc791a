namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// How much of an untrusted file the worker parses, bound from <c>LexIntel:Extraction</c>. Each
/// limit is checked while the file is parsed, not after, and a file past one fails for good with a
/// reason naming its setting (<see cref="ExtractionFailures"/>).
/// </summary>
public sealed class ExtractionLimits
{
    public const string SectionName = "LexIntel:Extraction";

    /// <summary>Pages of one PDF. About a long trial transcript with its exhibits.</summary>
    public int MaxPdfPages { get; set; } = 3_000;

    /// <summary>
    /// Characters of text from one file, of any format; about 5,000 dense pages. The text is held in
    /// memory whole (two bytes a character) and then chunked, cited and embedded.
    /// </summary>
    public long MaxCharacters { get; set; } = 10_000_000;

    /// <summary>
    /// Bytes that the compressed streams of one PDF may decode to, all together (court filings decode
    /// to 20–40 KB a page); also the memory one part of a Word document may take once inflated, and
    /// what a converter may write of a legacy format converted to markup (unrtf's HTML of an RTF).
    /// Guards against decompression bombs: a megabyte of deflate can inflate to a gigabyte.
    /// </summary>
    public long MaxDecompressedBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>
    /// How deep HTML elements may nest. Real pages nest a few dozen levels; the parser's cost grows
    /// with the square of the depth, and so does every walk over a deep tree.
    /// </summary>
    public int MaxHtmlDepth { get; set; } = 256;

    /// <summary>Attachments of one e-mail: each becomes a document and a job of its own.</summary>
    public int MaxAttachments { get; set; } = 100;

    /// <summary>Bytes of one e-mail's attachments together, decoded.</summary>
    public long MaxAttachmentBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>
    /// How deep the parts of an e-mail may nest (multiparts within multiparts, messages within
    /// messages), and how many levels of attachments of attachments are taken in.
    /// </summary>
    public int MaxEmailDepth { get; set; } = 8;

    /// <summary>
    /// Wall-clock seconds a command-line converter (antiword for .doc, unrtf for RTF) may take on
    /// one file, after which it is killed. Both convert a court opinion in milliseconds.
    /// </summary>
    public int ConverterTimeoutSeconds { get; set; } = 60;

    /// <summary>Address space, in MiB, of a converter; antiword and unrtf run in a few MiB.</summary>
    public int ConverterMemoryMiB { get; set; } = 256;

    /// <summary>The configuration key of a limit, as failure reasons and validation name it.</summary>
    public static string Key(string limit) => $"{SectionName}:{limit}";
}
