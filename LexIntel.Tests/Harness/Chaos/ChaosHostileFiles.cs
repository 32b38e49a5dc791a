using System.Globalization;

namespace LexIntel.Tests.Harness.Chaos;

/// <summary>
/// The hostile uploads of a chaos run and the worker settings they are sized against: each must
/// fail promptly with one of <see cref="AcceptedCodes"/> (which one is reported), never loop.
/// </summary>
public static class ChaosHostileFiles
{
    /// <summary>Failure codes a hostile file may end with: a parser limit, the time limit, the sandbox or the delivery cap.</summary>
    public static readonly IReadOnlySet<string> AcceptedCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "too_large", "too_deep", "timed_out", "extraction_crashed", "worker_crashed",
    };

    /// <summary>Above the bomb that must fit under it, below the real bomb.</summary>
    private const long MaxDecompressedBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Far above any corpus file, far below the sandbox file's text, so that file also fails (as
    /// <c>too_large</c>) where no sandbox runs rather than becoming thousands of chunks to embed.
    /// </summary>
    private const long MaxCharacters = 2_000_000;

    /// <summary>The extraction sandbox's memory, below what the sandbox file takes to parse.</summary>
    private const int SandboxMemoryLimitMiB = 256;

    /// <summary>
    /// The workers' settings: decompression allowed high enough that the sandbox file passes that
    /// limit and meets the sandbox's memory limit instead (options of the extraction sandbox; a
    /// worker without one ignores them).
    /// </summary>
    public static IReadOnlyDictionary<string, string> WorkerSettings { get; } = new Dictionary<string, string>
    {
        ["LexIntel:Extraction:MaxDecompressedBytes"] = MaxDecompressedBytes.ToString(CultureInfo.InvariantCulture),
        ["LexIntel:Extraction:MaxCharacters"] = MaxCharacters.ToString(CultureInfo.InvariantCulture),
        ["LexIntel:Sandbox:MemoryLimitMiB"] = SandboxMemoryLimitMiB.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The files by upload name.</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> Create() =>
    [
        ("bomb.pdf", HostileFiles.PdfDecompressionBomb(1024L * 1024 * 1024)),
        ("deep.html", HostileFiles.DeeplyNestedHtml(100_000)),
        ("exhibits.eml", HostileFiles.EmailWithAttachments(1_000)),

        // Under MaxDecompressedBytes, but its one text node of 60 M characters is read whole, as
        // strings of twice that size and more, past the sandbox's memory. (A PDF bomb under the
        // limit does not do it: PdfPig gives up on the stream and the file has no text.)
        ("sandbox-memory.docx", HostileFiles.ZipBombDocx()),
    ];
}
