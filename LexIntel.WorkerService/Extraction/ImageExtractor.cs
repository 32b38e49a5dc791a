using LexIntel.Shared.Documents;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// A scan or photo has no text to read, only text to recognize: its one page is left to the OCR
/// step, which also finds the further pages of a multi-page TIFF.
/// </summary>
public sealed class ImageExtractor : IDocumentExtractor
{
    public IReadOnlyCollection<string> ContentTypes => DocumentContentTypes.Images;

    public ExtractedDocument Extract(Stream content, CancellationToken cancellationToken) =>
        new([new ExtractedPage(1, string.Empty, NeedsOcr: true)], []);
}
