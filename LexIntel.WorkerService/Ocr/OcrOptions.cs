namespace LexIntel.WorkerService.Ocr;

/// <summary>
/// Optical character recognition of scanned pages and image uploads, bound from <c>LexIntel:Ocr</c>:
/// <c>pdftoppm</c> (poppler) renders a page, Tesseract reads it. Off, a scan fails as
/// <c>no_extractable_text</c> saying OCR is not enabled.
/// </summary>
public sealed class OcrOptions
{
    public const string SectionName = "LexIntel:Ocr";

    public bool Enabled { get; set; } = true;

    /// <summary>Tesseract's languages, joined by <c>+</c> (<c>eng</c>, <c>eng+deu</c>); each needs its <c>tesseract-ocr-*</c> package.</summary>
    public string Languages { get; set; } = "eng";

    /// <summary>The resolution pages are rendered at: Tesseract reads body text best at about 300 dpi.</summary>
    public int Dpi { get; set; } = 300;

    /// <summary>How long rendering and recognizing one page may take before the tools are killed and the document fails as <c>timed_out</c>.</summary>
    public TimeSpan PageTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Pages recognized at once, each by a single-threaded Tesseract (its own threads only contend
    /// when several pages run side by side).
    /// </summary>
    public int Parallelism { get; set; } = 2;

    /// <summary>
    /// Pages of one document recognized at most: at seconds a page, a job must finish within the
    /// queue's time limit (<c>LexIntel:Queue:SoftTimeLimit</c>); a larger scan fails as <c>too_large</c>.
    /// </summary>
    public int MaxPages { get; set; } = 200;

    /// <summary>Address space each tool may use; a page that needs more fails as <c>too_large</c>.</summary>
    public int MemoryLimitMiB { get; set; } = 1024;

    /// <summary>The configuration key of a setting, as failure reasons and validation name it.</summary>
    public static string Key(string setting) => $"{SectionName}:{setting}";
}
