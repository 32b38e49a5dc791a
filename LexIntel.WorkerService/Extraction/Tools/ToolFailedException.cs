namespace LexIntel.WorkerService.Extraction.Tools;

/// <summary>The tool exited with a non-zero code; <see cref="Exception.Message"/> holds the end of its error stream.</summary>
public sealed class ToolFailedException(string program, int exitCode, string errors)
    : Exception($"{program} exited with code {exitCode}: {errors}")
{
    public string Program => program;

    public int ExitCode => exitCode;

    /// <summary>The last lines of the tool's error stream, which usually say what it disliked about the file.</summary>
    public string Errors => errors;
}
