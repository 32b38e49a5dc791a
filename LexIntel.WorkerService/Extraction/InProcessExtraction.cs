using LexIntel.WorkerService.Ocr;

namespace LexIntel.WorkerService.Extraction;

/// <summary>Parses on the job's own thread, and runs the OCR tools as the worker's children, for <c>LexIntel:Sandbox:Enabled=false</c>.</summary>
internal sealed class InProcessExtraction(DocumentExtractors extractors) : ITextExtraction
{
    public Task<ExtractedDocument> ExtractAsync(string contentType, FileStream file, CancellationToken cancellationToken) =>
        Task.FromResult(extractors.Extract(contentType, file, cancellationToken));

    public Task RecognizeAsync(string contentType, FileStream file, IReadOnlyList<int> pages, OcrOptions settings, Func<ExtractedPage, Task> onPage, CancellationToken cancellationToken) =>
        PageRecognizer.RecognizeAsync(new OcrRequest(contentType, file.Name, pages, settings), onPage, cancellationToken);
}
