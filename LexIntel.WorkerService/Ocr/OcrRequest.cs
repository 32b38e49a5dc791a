namespace LexIntel.WorkerService.Ocr;

/// <summary>
/// Pages of a local file to recognize under the worker's OCR settings (a sandbox reads no
/// configuration of its own): the given pages of a PDF, or every page of an image.
/// </summary>
public sealed record OcrRequest(string ContentType, string Path, IReadOnlyList<int> Pages, OcrOptions Settings);
