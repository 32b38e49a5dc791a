namespace LexIntel.WorkerService.Extraction;

/// <summary>Parses on the job's own thread, for <c>LexIntel:Sandbox:Enabled=false</c>.</summary>
internal sealed class InProcessExtraction(DocumentExtractors extractors) : ITextExtraction
{
    public Task<ExtractedDocument> ExtractAsync(string contentType, FileStream file, CancellationToken cancellationToken) =>
        Task.FromResult(extractors.Extract(contentType, file, cancellationToken));
}
