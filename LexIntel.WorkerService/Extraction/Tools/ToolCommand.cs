namespace LexIntel.WorkerService.Extraction.Tools;

/// <summary>
/// One run of a command-line tool on an untrusted file: the program and its arguments as a list
/// (never a shell string, so no file name is ever parsed as syntax), and the bounds it runs within.
/// </summary>
public sealed record ToolCommand(string Program, IReadOnlyList<string> Arguments)
{
    private const long MiB = 1024 * 1024;

    /// <summary>A folder of the caller's that the tool may write to; removed by the caller.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Wall-clock time after which the tool (and anything it started) is killed.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>The tool's address space (Linux); an allocation past it fails inside the tool.</summary>
    public long MemoryLimitBytes { get; init; } = 1024 * MiB;

    /// <summary>The largest file the tool may write (Linux): a page rendered from a PDF, an image split from a TIFF.</summary>
    public long MaxFileBytes { get; init; } = 256 * MiB;

    /// <summary>What the tool may write to its output; more kills it (a file that inflates to gigabytes of text).</summary>
    public int MaxOutputBytes { get; init; } = 64 * (int)MiB;

    /// <summary>Variables the tool needs beyond <c>PATH</c> and the locale, which are all it inherits.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
