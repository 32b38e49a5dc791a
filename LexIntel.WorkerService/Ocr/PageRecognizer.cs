using System.Globalization;
using System.Text;
using LexIntel.Shared.Documents;
using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.Extraction.Tools;

namespace LexIntel.WorkerService.Ocr;

/// <summary>
/// Reads the text of page images with Tesseract: a PDF's pages rendered one at a time by
/// <c>pdftoppm</c>, a TIFF's pages split by <c>tiffsplit</c>, a PNG or JPEG as it is. Pages run
/// side by side up to <see cref="OcrOptions.Parallelism"/>, each in a folder of its own that is
/// removed with it, each tool under <see cref="ToolProcess"/>'s limits and the page timeout.
/// </summary>
public static class PageRecognizer
{
    /// <summary>Text a page may hold; a dense page of small print is a few tens of kilobytes.</summary>
    private const int MaxPageTextBytes = 1024 * 1024;

    private const long MiB = 1024 * 1024;

    /// <summary>
    /// A single-threaded Tesseract: its OpenMP threads only slow it on a small machine, and pages
    /// already run side by side. Public, with <see cref="TesseractArguments"/>, for the <c>ocr</c>
    /// benchmark, whose baseline runs Tesseract exactly as the worker does.
    /// </summary>
    public static IReadOnlyDictionary<string, string> TesseractEnvironment { get; } = new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Recognizes the request's pages, telling <paramref name="onPage"/> of each as it is done, one
    /// call at a time though pages finish side by side.
    /// </summary>
    /// <exception cref="PermanentJobException">A page that cannot be read, or too many pages.</exception>
    public static async Task RecognizeAsync(OcrRequest request, Func<ExtractedPage, Task> onPage, CancellationToken cancellationToken)
    {
        var settings = request.Settings;
        var folder = Directory.CreateTempSubdirectory("lexintel-ocr-").FullName;
        using var telling = new SemaphoreSlim(1);
        try
        {
            var pages = await PageImagesAsync(request, folder, cancellationToken);
            if (pages.Count > settings.MaxPages)
            {
                throw OcrFailures.TooManyPages(pages.Count, settings.MaxPages);
            }

            await Parallel.ForEachAsync(
                pages,
                new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
                async (page, token) =>
                {
                    var pageFolder = Directory.CreateDirectory(Path.Combine(folder, page.Number.ToString(CultureInfo.InvariantCulture))).FullName;
                    try
                    {
                        var image = await page.Render(pageFolder, token);
                        var text = await ReadAsync(image, page.Number, request, pageFolder, token);
                        await telling.WaitAsync(token);
                        try
                        {
                            await onPage(new ExtractedPage(page.Number, text, NeedsOcr: false, ByOcr: true));
                        }
                        finally
                        {
                            telling.Release();
                        }
                    }
                    finally
                    {
                        Directory.Delete(pageFolder, recursive: true);
                    }
                });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Where each page's image comes from: rendered when its turn comes (a PDF), or there already.</summary>
    private static async Task<IReadOnlyList<PageImage>> PageImagesAsync(OcrRequest request, string folder, CancellationToken cancellationToken)
    {
        switch (request.ContentType)
        {
            case DocumentContentTypes.Pdf:
                return [.. request.Pages.Select(n => new PageImage(n, (pageFolder, token) => RenderPdfPageAsync(request, n, pageFolder, token)))];
            case DocumentContentTypes.Tiff:
                var parts = await SplitTiffAsync(request, folder, cancellationToken);
                return [.. parts.Select((path, i) => new PageImage(i + 1, (_, _) => Task.FromResult(path)))];
            default:
                return [new PageImage(1, (_, _) => Task.FromResult(request.Path))];
        }
    }

    private static async Task<string> RenderPdfPageAsync(OcrRequest request, int page, string pageFolder, CancellationToken cancellationToken)
    {
        var settings = request.Settings;
        var number = page.ToString(CultureInfo.InvariantCulture);
        var prefix = Path.Combine(pageFolder, "page");
        var command = new ToolCommand(
            "pdftoppm",
            ["-r", settings.Dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", number, "-l", number, "-singlefile", request.Path, prefix])
        {
            WorkingDirectory = pageFolder,
            Timeout = settings.PageTimeout,
            MemoryLimitBytes = settings.MemoryLimitMiB * MiB,
        };
        await RunAsync(command, page, request, error => OcrFailures.PageUnrenderable(page, error), cancellationToken);

        // Gray pages come out as PGM, the one format Tesseract reads without decoding anything.
        return prefix + ".pgm";
    }

    /// <summary>
    /// A TIFF's pages as files of their own, so that each is read under the page timeout and reported
    /// as it is done (Tesseract reads a multi-page TIFF in one go). What libtiff writes is a TIFF
    /// Tesseract can open, never one it mistakes for a list of file names to read instead.
    /// </summary>
    private static async Task<IReadOnlyList<string>> SplitTiffAsync(OcrRequest request, string folder, CancellationToken cancellationToken)
    {
        var settings = request.Settings;
        var splitFolder = Directory.CreateDirectory(Path.Combine(folder, "split")).FullName;
        var command = new ToolCommand("tiffsplit", [request.Path, Path.Combine(splitFolder, "page-")])
        {
            WorkingDirectory = splitFolder,
            Timeout = settings.PageTimeout,
            MemoryLimitBytes = settings.MemoryLimitMiB * MiB,
        };
        await RunAsync(command, 1, request, OcrFailures.ImageUnreadable, cancellationToken);

        // tiffsplit names the pages page-aaa.tif, page-aab.tif, … in their order.
        var parts = Directory.GetFiles(splitFolder, "page-*.tif").Order(StringComparer.Ordinal).ToList();
        return parts.Count > 0 ? parts : throw OcrFailures.ImageUnreadable("the TIFF holds no page");
    }

    private static async Task<string> ReadAsync(string image, int page, OcrRequest request, string pageFolder, CancellationToken cancellationToken)
    {
        var settings = request.Settings;
        var command = new ToolCommand("tesseract", TesseractArguments(image, settings))
        {
            WorkingDirectory = pageFolder,
            Timeout = settings.PageTimeout,
            MemoryLimitBytes = settings.MemoryLimitMiB * MiB,
            MaxOutputBytes = MaxPageTextBytes,
            Environment = TesseractEnvironment,
        };
        var failure = request.ContentType == DocumentContentTypes.Pdf
            ? error => OcrFailures.PageUnrenderable(page, error)
            : (Func<string, PermanentJobException>)OcrFailures.ImageUnreadable;
        var result = await RunAsync(command, page, request, failure, cancellationToken);

        // Tesseract ends each page with a form feed.
        return Utf8.GetString(result.Output).TrimEnd('\f', '\n', ' ');
    }

    /// <summary>Tesseract's arguments for reading <paramref name="image"/>'s text to standard output.</summary>
    public static IReadOnlyList<string> TesseractArguments(string image, OcrOptions settings) =>
        [image, "stdout", "-l", settings.Languages, "--dpi", settings.Dpi.ToString(CultureInfo.InvariantCulture)];

    private static async Task<ToolResult> RunAsync(ToolCommand command, int page, OcrRequest request, Func<string, PermanentJobException> unreadable, CancellationToken cancellationToken)
    {
        var (settings, path) = (request.Settings, request.Path);
        try
        {
            return await ToolProcess.RunAsync(command, cancellationToken);
        }
        catch (ToolMissingException ex)
        {
            throw OcrFailures.Unavailable(ex);
        }
        catch (ToolTimedOutException)
        {
            throw OcrFailures.PageTimedOut(page, settings.PageTimeout);
        }
        catch (ToolOutputTooLargeException)
        {
            throw OcrFailures.PageTooLarge(page, settings.MemoryLimitMiB);
        }
        catch (ToolFailedException ex) when (ex.RanOutOfMemory)
        {
            throw OcrFailures.PageTooLarge(page, settings.MemoryLimitMiB);
        }
        catch (ToolFailedException ex)
        {
            // The tools name the scratch copy they were given, which means nothing to a user.
            throw unreadable(ex.Errors.Replace(path, "the file", StringComparison.Ordinal));
        }
    }

    private sealed record PageImage(int Number, Func<string, CancellationToken, Task<string>> Render);
}
