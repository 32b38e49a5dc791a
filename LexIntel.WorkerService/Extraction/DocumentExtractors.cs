namespace LexIntel.WorkerService.Extraction;

/// <summary>Picks the extractor for a content type.</summary>
public sealed class DocumentExtractors(IEnumerable<IDocumentExtractor> extractors)
{
    private readonly Dictionary<string, IDocumentExtractor> byType = extractors
        .SelectMany(e => e.ContentTypes.Select(t => (Type: t, Extractor: e)))
        .ToDictionary(p => p.Type, p => p.Extractor, StringComparer.OrdinalIgnoreCase);

    public ExtractedDocument Extract(string contentType, Stream content, CancellationToken cancellationToken) =>
        byType.TryGetValue(contentType, out var extractor)
            ? extractor.Extract(content, cancellationToken)
            : throw ExtractionFailures.Unsupported(contentType);
}
