namespace LexIntel.WorkerService.Extraction.Tools;

/// <summary>The tool exited with a non-zero code; <see cref="Exception.Message"/> holds the end of its error stream.</summary>
public sealed class ToolFailedException(string program, int exitCode, string errors)
    : Exception($"{program} exited with code {exitCode}: {errors}")
{
    /// <summary>How antiword, unrtf, Leptonica, libtiff, poppler and the C++ runtime say an allocation failed.</summary>
    private static readonly string[] OutOfMemoryWords = ["memory allocation failed", "malloc fail", "alloc fail", "cannot allocate", "bad_alloc", "out of memory"];

    public string Program => program;

    public int ExitCode => exitCode;

    /// <summary>The last lines of the tool's error stream, which usually say what it disliked about the file.</summary>
    public string Errors => errors;

    /// <summary>The tool says an allocation failed: it reached <see cref="ToolCommand.MemoryLimitBytes"/>.</summary>
    public bool RanOutOfMemory => OutOfMemoryWords.Any(w => errors.Contains(w, StringComparison.OrdinalIgnoreCase));
}
