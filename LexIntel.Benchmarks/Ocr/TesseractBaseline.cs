using System.Diagnostics;
using LexIntel.WorkerService.Ocr;

namespace LexIntel.Benchmarks.Ocr;

/// <summary>
/// The speed baseline: page images read by <c>tesseract</c> on the command line, one after another,
/// with the worker's arguments (<see cref="PageRecognizer.TesseractArguments"/>) and, unless told
/// otherwise, its environment (a single OpenMP thread).
/// </summary>
internal static class TesseractBaseline
{
    /// <summary>Seconds per page over <paramref name="images"/>.</summary>
    public static async Task<double> SecondsPerPageAsync(IReadOnlyList<string> images, bool asTheWorker, CancellationToken cancellationToken)
    {
        var settings = new OcrOptions();
        var clock = Stopwatch.StartNew();
        foreach (var image in images)
        {
            var startInfo = new ProcessStartInfo("tesseract") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in PageRecognizer.TesseractArguments(image, settings))
            {
                startInfo.ArgumentList.Add(argument);
            }

            if (asTheWorker)
            {
                foreach (var (name, value) in PageRecognizer.TesseractEnvironment)
                {
                    startInfo.Environment[name] = value;
                }
            }
            else
            {
                startInfo.Environment.Remove("OMP_THREAD_LIMIT");
            }

            using var process = Process.Start(startInfo)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            await output;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"tesseract exited with code {process.ExitCode} on {image}: {await errors}");
            }
        }

        return clock.Elapsed.TotalSeconds / images.Count;
    }
}
