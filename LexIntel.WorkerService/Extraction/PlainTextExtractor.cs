using System.Text;
using LexIntel.Shared.Documents;
using UtfUnknown;

namespace LexIntel.WorkerService.Extraction;

/// <summary>Plain text and Markdown in whatever encoding they come in; form feeds separate pages.</summary>
public sealed class PlainTextExtractor : IDocumentExtractor
{
    static PlainTextExtractor() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public IReadOnlyCollection<string> ContentTypes { get; } = [DocumentContentTypes.PlainText, DocumentContentTypes.Markdown];

    public ExtractedDocument Extract(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var text = Decode(bytes);
        var pages = text.Split('\f').Select((page, index) => new ExtractedPage(index + 1, page)).ToList();
        var extracted = new ExtractedDocument(pages, []);
        return extracted.HasText ? extracted : throw ExtractionFailures.NoText("the text file is empty");
    }

    public static string Decode(byte[] bytes)
    {
        // Bytes that are valid UTF-8 are UTF-8 in practice; a detector guessing from a short text
        // (a one-line note with a "§") can pick a legacy code page and garble exactly the symbols citations need.
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return WithoutByteOrderMark(Encoding.UTF8.GetString(bytes));
        }

        var detected = CharsetDetector.DetectFromBytes(bytes).Detected;
        var encoding = detected?.Encoding ?? Encoding.UTF8;
        return WithoutByteOrderMark(encoding.GetString(bytes));
    }

    private static string WithoutByteOrderMark(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
}
