namespace LexIntel.WorkerService.Sandbox;

/// <summary>
/// The process untrusted files are parsed in, bound from <c>LexIntel:Sandbox</c>. A file that
/// exhausts the sandbox's memory or CPU time, overflows its stack or crashes it ends that process
/// only; the worker fails the document and goes on with a new one.
/// </summary>
public sealed class SandboxOptions
{
    public const string SectionName = "LexIntel:Sandbox";

    /// <summary>Parse in a sandbox process; off, extraction runs on the job's thread in the worker.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Memory one sandbox may use for parsing: its .NET heap is capped at this (<c>GCHeapHardLimit</c>),
    /// and so is the address space it may map beyond what the runtime reserved as it started
    /// (<c>RLIMIT_AS</c>: native memory, threads). A file that needs more fails as <c>too_large</c>.
    /// </summary>
    public int MemoryLimitMiB { get; set; } = 1024;

    /// <summary>
    /// CPU seconds one document may take in the sandbox (<c>RLIMIT_CPU</c>, renewed before each
    /// document). A file that takes more fails as <c>timed_out</c>, long before the job's time limit.
    /// </summary>
    public int CpuSeconds { get; set; } = 120;

    /// <summary>Documents a warm sandbox parses before it is replaced by a fresh one.</summary>
    public int DocumentsPerProcess { get; set; } = 500;

    /// <summary>A warm sandbox whose resident memory is above this after a document is replaced by a fresh one.</summary>
    public int RecycleAboveMiB { get; set; } = 384;

    /// <summary>The configuration key of a setting, as failure reasons and validation name it.</summary>
    public static string Key(string setting) => $"{SectionName}:{setting}";
}
