using LexIntel.Shared.Queue;

namespace LexIntel.WorkerService.Extraction;

/// <summary>The permanent extraction failures, with the stable codes and the words users see.</summary>
public static class ExtractionFailures
{
    public const string NoTextCode = "no_extractable_text";

    public static PermanentJobException NoText(string reason) => new(NoTextCode, reason);

    public static PermanentJobException Encrypted(Exception inner) =>
        new("encrypted", "the file is encrypted or password-protected; upload an unprotected copy", inner);

    public static PermanentJobException Corrupt(string format, Exception inner) =>
        new("corrupt", $"the file could not be read as {format}: {inner.Message}", inner);

    public static PermanentJobException CutShort(string format) =>
        new("corrupt", $"the {format} file is cut short (its end is missing); upload the complete file");

    public static PermanentJobException Unsupported(string? contentType) =>
        new("unsupported_type", $"files of type {contentType ?? "unknown"} are not supported");

    public static PermanentJobException TooLarge(string what) => new("too_large", what);
}
