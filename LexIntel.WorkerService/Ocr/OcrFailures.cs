using System.Globalization;
using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Extraction;

namespace LexIntel.WorkerService.Ocr;

/// <summary>The permanent OCR failures, with the stable codes (shared with extraction's) and the words users see.</summary>
public static class OcrFailures
{
    /// <summary>OCR is enabled, but its tools are missing on the worker.</summary>
    public const string UnavailableCode = "ocr_unavailable";

    private static readonly string EnabledKey = OcrOptions.Key(nameof(OcrOptions.Enabled));

    /// <summary>A PDF of scanned pages with OCR off: today's words, with the key that turns it on.</summary>
    public static PermanentJobException ScanWithoutOcr() =>
        ExtractionFailures.NoText($"no extractable text (scanned PDF; OCR not enabled: {EnabledKey})");

    public static PermanentJobException ImageWithoutOcr() =>
        ExtractionFailures.NoText($"the file is an image (a scan or a photo) and OCR is not enabled ({EnabledKey})");

    public static PermanentJobException NothingRecognized() =>
        ExtractionFailures.NoText("no text was found in the file, not even by OCR: the scan may be blank, too faint, or a picture without words");

    public static PermanentJobException TooManyPages(int pages, int limit) => new(
        ExtractionFailures.TooLargeCode,
        $"{Count(pages)} pages of the file need OCR, more than the {Count(limit)} recognized in one file ({OcrOptions.Key(nameof(OcrOptions.MaxPages))}); split it into smaller files");

    public static PermanentJobException PageTimedOut(int page, TimeSpan timeout) => new(
        JobFailure.TimedOutCode,
        $"OCR of page {Count(page)} took longer than the {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s allowed a page ({OcrOptions.Key(nameof(OcrOptions.PageTimeout))}); the page may be built to hang a renderer, or be far larger than a paper page");

    public static PermanentJobException PageUnrenderable(int page, string errors) => new(
        ExtractionFailures.CorruptCode,
        $"page {Count(page)} of the PDF could not be rendered for OCR{Detail(errors)}");

    public static PermanentJobException ImageUnreadable(string errors) => new(
        ExtractionFailures.CorruptCode,
        $"the image could not be read{Detail(errors)}; it may be damaged or cut short: upload the original scan");

    public static PermanentJobException PageTooLarge(int page, int memoryLimitMiB) => new(
        ExtractionFailures.TooLargeCode,
        $"page {Count(page)} is too large to recognize within {Count(memoryLimitMiB)} MiB ({OcrOptions.Key(nameof(OcrOptions.MemoryLimitMiB))}); scan it at a lower resolution");

    public static PermanentJobException Unavailable(Exception cause) => new(
        UnavailableCode,
        $"OCR is enabled ({EnabledKey}) but cannot run on this worker: {cause.Message}; reprocess the document once it is installed", cause);

    /// <summary>
    /// The tool's own words on what it disliked: its last line that speaks of an error (a tool may
    /// print its usage after it), else its last line.
    /// </summary>
    private static string Detail(string errors)
    {
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var said = lines.LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? lines.LastOrDefault();
        return said is null ? string.Empty : $" ({said})";
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
