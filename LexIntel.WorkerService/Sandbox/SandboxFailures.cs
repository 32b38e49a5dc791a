using System.Globalization;
using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Extraction;

namespace LexIntel.WorkerService.Sandbox;

/// <summary>The permanent failures of a file that ended its sandbox, with the stable codes and the words users see.</summary>
public static class SandboxFailures
{
    /// <summary>The file crashed the sandbox: a stack overflow, a native crash, a signal.</summary>
    public const string CrashedCode = "extraction_crashed";

    private const int SignalCpuTimeExceeded = 24;

    private static readonly Dictionary<int, string> SignalNames = new()
    {
        [4] = "SIGILL", [6] = "SIGABRT", [7] = "SIGBUS", [8] = "SIGFPE", [9] = "SIGKILL", [11] = "SIGSEGV", [15] = "SIGTERM",
    };

    public static PermanentJobException MemoryExceeded(int limitMiB) => new(
        ExtractionFailures.TooLargeCode,
        $"parsing the file needed more than the {Count(limitMiB)} MiB of memory the extraction sandbox allows ({SandboxOptions.Key(nameof(SandboxOptions.MemoryLimitMiB))}); "
        + "it may be built to exhaust memory; if not, split it into smaller files");

    public static PermanentJobException CpuTimeExceeded(int seconds) => new(
        JobFailure.TimedOutCode,
        $"parsing the file took more than the {Count(seconds)} seconds of CPU time the extraction sandbox allows ({SandboxOptions.Key(nameof(SandboxOptions.CpuSeconds))}); "
        + "it may be built to hang a parser; if not, split it or upload a simpler copy");

    /// <summary>What an ended sandbox says about the file, from its exit and its last words.</summary>
    public static PermanentJobException For(SandboxEnd end, SandboxOptions options) =>
        end.Errors.Contains("Stack overflow", StringComparison.Ordinal) ? Crashed("it overflowed the parser's stack")
        : end.Errors.Contains("OutOfMemory", StringComparison.Ordinal) || end.Errors.Contains("Out of memory", StringComparison.Ordinal) ? MemoryExceeded(options.MemoryLimitMiB)
        : end.Signal == SignalCpuTimeExceeded ? CpuTimeExceeded(options.CpuSeconds)
        : end.Signal is { } signal ? Crashed($"the parser was ended by signal {SignalNames.GetValueOrDefault(signal, "number " + Count(signal))}")
        : Crashed($"the parser exited with code {Count(end.ExitCode)}");

    private static PermanentJobException Crashed(string how) => new(
        CrashedCode,
        $"the file crashed the extraction sandbox ({how}); it may be damaged or built to crash parsers: save it again from the program that made it, or upload it in another format");

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
