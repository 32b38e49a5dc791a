using System.Diagnostics;
using LexIntel.WorkerService.Extraction.Tools;
using LexIntel.WorkerService.Ocr;

namespace LexIntel.Benchmarks.Ocr;

/// <summary>
/// The speed baseline: page images read by <c>tesseract</c> on the command line, one after another,
/// with the worker's arguments (<see cref="PageRecognizer.TesseractArguments"/>), limits and runner
/// and, unless told otherwise, its environment (a single OpenMP thread).
/// </summary>
internal static class TesseractBaseline
{
    private const long MiB = 1024 * 1024;

    /// <summary>Seconds per page over <paramref name="images"/>.</summary>
    public static async Task<double> SecondsPerPageAsync(IReadOnlyList<string> images, bool asTheWorker, CancellationToken cancellationToken)
    {
        var settings = new OcrOptions();
        var clock = Stopwatch.StartNew();
        foreach (var image in images)
        {
            await ToolProcess.RunAsync(
                new ToolCommand("tesseract", PageRecognizer.TesseractArguments(image, settings))
                {
                    WorkingDirectory = Path.GetDirectoryName(image)!,
                    Timeout = settings.PageTimeout,
                    MemoryLimitBytes = settings.MemoryLimitMiB * MiB,
                    Environment = asTheWorker ? PageRecognizer.TesseractEnvironment : new Dictionary<string, string>(),
                },
                cancellationToken);
        }

        return clock.Elapsed.TotalSeconds / images.Count;
    }
}
