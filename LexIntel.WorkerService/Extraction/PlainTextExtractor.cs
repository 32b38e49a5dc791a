using System.Buffers;
using System.Text;
using LexIntel.Shared.Documents;
using Microsoft.Extensions.Options;
using UtfUnknown;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// Plain text and Markdown in whatever encoding they come in; form feeds separate pages. The file
/// is decoded as it is read, a block at a time, and stops at <see cref="ExtractionLimits.MaxCharacters"/>.
/// </summary>
public sealed class PlainTextExtractor(IOptions<ExtractionLimits> limits) : IDocumentExtractor
{
    private const int BlockLength = 64 * 1024;

    /// <summary>
    /// What the encoding detector reads of a file that is not UTF-8: it goes by the statistics of its
    /// bytes, which a legacy code page shows long before this.
    /// </summary>
    private const long DetectionWindow = 1024 * 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static PlainTextExtractor() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>With the default limits, for tools and tests that run an extractor on its own.</summary>
    public PlainTextExtractor()
        : this(Options.Create(new ExtractionLimits()))
    {
    }

    public IReadOnlyCollection<string> ContentTypes { get; } = [DocumentContentTypes.PlainText, DocumentContentTypes.Markdown];

    public ExtractedDocument Extract(Stream content, CancellationToken cancellationToken)
    {
        // Bytes that are valid UTF-8 are UTF-8 in practice; a detector guessing from a short text
        // (a one-line note with a "§") can pick a legacy code page and garble exactly the symbols
        // citations need. So the file is read as UTF-8 and, should a byte turn out not to be, read
        // again from its start in the encoding detected.
        ExtractedDocument extracted;
        try
        {
            extracted = Decode(content, StrictUtf8, cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            content.Seek(0, SeekOrigin.Begin);
            var detected = CharsetDetector.DetectFromStream(content, DetectionWindow).Detected;
            content.Seek(0, SeekOrigin.Begin);
            extracted = Decode(content, detected?.Encoding ?? Encoding.UTF8, cancellationToken);
        }

        return extracted.HasText ? extracted : throw ExtractionFailures.NoText("the text file is empty");
    }

    private ExtractedDocument Decode(Stream content, Encoding encoding, CancellationToken cancellationToken)
    {
        var budget = new TextBudget(limits.Value);
        var decoder = encoding.GetDecoder();
        var bytes = ArrayPool<byte>.Shared.Rent(BlockLength);
        var chars = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(BlockLength));
        try
        {
            var pages = new List<ExtractedPage>();
            var page = new StringBuilder();
            var atStart = true;
            int read;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                read = content.Read(bytes, 0, BlockLength);
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
                budget.Spend(count);
                var text = chars.AsSpan(0, count);
                if (atStart && text.Length > 0)
                {
                    // A byte order mark says how the file is encoded; it is not part of its text.
                    text = text[0] == '\uFEFF' ? text[1..] : text;
                    atStart = false;
                }

                for (var formFeed = text.IndexOf('\f'); formFeed >= 0; formFeed = text.IndexOf('\f'))
                {
                    pages.Add(new ExtractedPage(pages.Count + 1, page.Append(text[..formFeed]).ToString()));
                    page.Clear();
                    text = text[(formFeed + 1)..];
                }

                page.Append(text);
            }
            while (read > 0);

            pages.Add(new ExtractedPage(pages.Count + 1, page.ToString()));
            return new ExtractedDocument(pages, []);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
