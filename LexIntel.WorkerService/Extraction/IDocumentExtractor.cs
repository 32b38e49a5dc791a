namespace LexIntel.WorkerService.Extraction;

/// <summary>Turns one format into text per page. Throws <c>PermanentJobException</c> for files no retry can read.</summary>
public interface IDocumentExtractor
{
    IReadOnlyCollection<string> ContentTypes { get; }

    ExtractedDocument Extract(Stream content, CancellationToken cancellationToken);
}
