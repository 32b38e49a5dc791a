using System.Globalization;
using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Extraction.Tools;

namespace LexIntel.WorkerService.Extraction;

/// <summary>The permanent extraction failures, with the stable codes and the words users see.</summary>
public static class ExtractionFailures
{
    public const string NoTextCode = "no_extractable_text";

    /// <summary>A file past a size or count limit of <see cref="ExtractionLimits"/>.</summary>
    public const string TooLargeCode = "too_large";

    /// <summary>A file nested deeper than a depth limit of <see cref="ExtractionLimits"/>.</summary>
    public const string TooDeepCode = "too_deep";

    /// <summary>A damaged file, or one that is not what it claims to be.</summary>
    public const string CorruptCode = "corrupt";

    private const string SplitIt = "split it into smaller files";

    /// <summary>A process ended by signal n exits, as .NET reports it, with 128 + n.</summary>
    private const int SignalExitBase = 128;

    public static PermanentJobException NoText(string reason) => new(NoTextCode, reason);

    public static PermanentJobException Encrypted(Exception inner) =>
        new("encrypted", "the file is encrypted or password-protected; upload an unprotected copy", inner);

    public static PermanentJobException Corrupt(string format, Exception inner) =>
        new(CorruptCode, $"the file could not be read as {format}: {inner.Message}", inner);

    public static PermanentJobException CutShort(string format) =>
        new(CorruptCode, $"the {format} file is cut short (its end is missing); upload the complete file");

    public static PermanentJobException Unsupported(string? contentType) =>
        new("unsupported_type", $"files of type {contentType ?? "unknown"} are not supported");

    /// <summary>A converter ended by a signal (unrtf overflows its stack on groups nested some 100,000 deep), or failing on the file.</summary>
    public static PermanentJobException ConverterFailed(string format, ToolFailedException failure) =>
        failure.ExitCode > SignalExitBase
            ? new(CorruptCode, $"the file could not be read as {format}: {failure.Program} crashed on it (signal {failure.ExitCode - SignalExitBase}); it may be damaged or built to crash parsers: save it again from the program that made it", failure)
            : Corrupt(format, failure);

    public static PermanentJobException ConverterTimedOut(string format, int seconds) => OverLimit(
        JobFailure.TimedOutCode,
        $"converting the file as {format} took more than {Count(seconds)} seconds",
        nameof(ExtractionLimits.ConverterTimeoutSeconds),
        "it may be built to hang a converter; if not, save it as .docx or PDF and upload that");

    public static PermanentJobException ConverterOutOfMemory(string format, int limitMiB) => OverLimit(
        TooLargeCode,
        $"converting the file as {format} needed more than {Count(limitMiB)} MiB of memory",
        nameof(ExtractionLimits.ConverterMemoryMiB),
        $"it may be damaged or built to exhaust memory; if not, {SplitIt}");

    public static PermanentJobException ConvertedTooLarge(string format, long limit) => OverLimit(
        TooLargeCode,
        $"the {format} file converts to more than {Count(limit)} bytes, the most processed in one file",
        nameof(ExtractionLimits.MaxDecompressedBytes),
        SplitIt);

    public static PermanentJobException TooManyPages(int pages, int limit) => OverLimit(
        TooLargeCode, $"the PDF has {Count(pages)} pages, more than the {Count(limit)} processed in one file", nameof(ExtractionLimits.MaxPdfPages), SplitIt);

    public static PermanentJobException TooMuchText(long limit) => OverLimit(
        TooLargeCode, $"the file holds more than {Count(limit)} characters of text, the most processed in one file", nameof(ExtractionLimits.MaxCharacters), SplitIt);

    public static PermanentJobException TooMuchDecompressed(long limit) => OverLimit(
        TooLargeCode,
        $"the PDF's compressed streams inflate to more than {Count(limit)} bytes, the most processed in one file",
        nameof(ExtractionLimits.MaxDecompressedBytes),
        $"it may be a decompression bomb; if not, {SplitIt}");

    public static PermanentJobException WordPartTooLarge(long limit) => OverLimit(
        TooLargeCode,
        $"a part of the Word document inflates beyond {Count(limit)} bytes, the most processed",
        nameof(ExtractionLimits.MaxDecompressedBytes),
        $"it may be a zip bomb; if not, {SplitIt}");

    public static PermanentJobException HtmlTooDeep(int limit) => OverLimit(
        TooDeepCode,
        $"the HTML nests elements more than {Count(limit)} deep, the most processed",
        nameof(ExtractionLimits.MaxHtmlDepth),
        "save the page again from a browser, or its text as a plain text file");

    public static PermanentJobException EmailTooDeep(int limit) => OverLimit(
        TooDeepCode,
        $"the e-mail's parts nest more than {Count(limit)} deep, the most processed",
        nameof(ExtractionLimits.MaxEmailDepth),
        "save its attachments and upload them on their own");

    public static PermanentJobException AttachmentsTooDeep(int limit) => OverLimit(
        TooDeepCode,
        $"the file is an attachment {Count(limit)} levels deep (an attachment of an attachment …), the deepest whose own attachments are taken in",
        nameof(ExtractionLimits.MaxEmailDepth),
        "save the attachments inside it and upload them on their own");

    /// <summary>Reported after the first <paramref name="limit"/> attachments were stored.</summary>
    public static PermanentJobException TooManyAttachments(int attachments, int limit) => OverLimit(
        TooLargeCode,
        $"the e-mail has {Count(attachments)} attachments, more than the {Count(limit)} processed in one e-mail",
        nameof(ExtractionLimits.MaxAttachments),
        $"the first {Count(limit)} were added as documents; upload the others on their own");

    /// <summary>Reported after the <paramref name="kept"/> attachments within the limit were stored.</summary>
    public static PermanentJobException AttachmentsTooLarge(long limit, int kept) => OverLimit(
        TooLargeCode,
        $"the e-mail's attachments come to more than {Count(limit)} bytes, the most processed in one e-mail",
        nameof(ExtractionLimits.MaxAttachmentBytes),
        $"the first {Count(kept)} were added as documents; upload the others on their own");

    private static PermanentJobException OverLimit(string code, string what, string limit, string advice) =>
        new(code, $"{what} ({ExtractionLimits.Key(limit)}); {advice}");

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
