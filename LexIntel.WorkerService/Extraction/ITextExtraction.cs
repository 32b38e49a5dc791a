using LexIntel.WorkerService.Ocr;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// Where an untrusted file is parsed and its scanned pages recognized: in a sandbox process (the
/// default) or in the worker itself. Throws <c>PermanentJobException</c> for files no retry can read.
/// </summary>
public interface ITextExtraction
{
    /// <param name="file">A local copy of the file, readable by other processes until it is closed.</param>
    Task<ExtractedDocument> ExtractAsync(string contentType, FileStream file, CancellationToken cancellationToken);

    /// <summary>
    /// Recognizes <paramref name="pages"/> of a PDF, or every page of an image, telling
    /// <paramref name="onPage"/> of each page as it is done (one call at a time).
    /// </summary>
    /// <param name="file">A local copy of the file, readable by other processes until it is closed.</param>
    Task RecognizeAsync(string contentType, FileStream file, IReadOnlyList<int> pages, OcrOptions settings, Func<ExtractedPage, Task> onPage, CancellationToken cancellationToken);
}
