using System.Globalization;
using LexIntel.WorkerService.Extraction.Tools;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace LexIntel.Tests.Harness;

/// <summary>
/// Scans made from the repository's PDFs as a scanner would make them: pages rendered to grayscale
/// images (by <c>pdftoppm</c>, which the setup script installs for OCR) and put into image-only
/// PDFs or multi-page TIFFs (<c>tiffcp</c>), for the OCR tests and the <c>ocr</c> benchmark.
/// </summary>
public static class Scans
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Page <paramref name="page"/> of <paramref name="pdf"/> as a grayscale PNG at <paramref name="dpi"/>.</summary>
    public static Task<byte[]> RenderPageAsync(string pdf, int page, int dpi, CancellationToken cancellationToken) =>
        RenderAsync(pdf, page, dpi, "-png", ".png", cancellationToken);

    /// <summary>A PDF of the pages, each a scanned image and no text, on a letter-size page.</summary>
    public static byte[] ImageOnlyPdf(IEnumerable<byte[]> pngs)
    {
        var builder = new PdfDocumentBuilder();
        foreach (var png in pngs)
        {
            var page = builder.AddPage(PageSize.Letter);
            page.AddPng(png, page.PageSize);
        }

        return builder.Build();
    }

    /// <summary>A PDF whose first page is text (the lines given, in Helvetica) and whose second is a scanned image.</summary>
    public static byte[] MixedPdf(IReadOnlyList<string> textLines, byte[] scannedPng)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var text = builder.AddPage(PageSize.Letter);
        for (var i = 0; i < textLines.Count; i++)
        {
            text.AddText(textLines[i], 12, new PdfPoint(72, 720 - (i * 16)), font);
        }

        var scan = builder.AddPage(PageSize.Letter);
        scan.AddPng(scannedPng, scan.PageSize);
        return builder.Build();
    }

    /// <summary>A scanned page with text lines over it, as CM/ECF stamps a scanned filing: the lines are its only text layer.</summary>
    public static byte[] StampedScanPdf(byte[] scannedPng, IReadOnlyList<string> stampLines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.Letter);
        page.AddPng(scannedPng, page.PageSize);
        for (var i = 0; i < stampLines.Count; i++)
        {
            page.AddText(stampLines[i], 8, new PdfPoint(36, 780 - (i * 10)), font);
        }

        return builder.Build();
    }

    /// <summary>The pages of <paramref name="pdf"/> as one multi-page TIFF (LZW), as fax and document scanners write them.</summary>
    public static async Task<byte[]> MultiPageTiffAsync(string pdf, IReadOnlyList<int> pages, int dpi, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("lexintel-scan-").FullName;
        try
        {
            var parts = new List<string>();
            foreach (var page in pages)
            {
                var part = Path.Combine(folder, $"part-{page:D4}.tif");
                await File.WriteAllBytesAsync(part, await RenderAsync(pdf, page, dpi, "-tiff", ".tif", cancellationToken), cancellationToken);
                parts.Add(part);
            }

            var combined = Path.Combine(folder, "combined.tif");
            await RunAsync("tiffcp", ["-c", "lzw", .. parts, combined], folder, cancellationToken);
            return await File.ReadAllBytesAsync(combined, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<byte[]> RenderAsync(string pdf, int page, int dpi, string format, string extension, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("lexintel-scan-").FullName;
        try
        {
            var number = page.ToString(CultureInfo.InvariantCulture);
            var prefix = Path.Combine(folder, "page");
            List<string> arguments = ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", format, "-f", number, "-l", number, "-singlefile", pdf, prefix];
            if (format == "-tiff")
            {
                arguments.InsertRange(0, ["-tiffcompression", "lzw"]);
            }

            await RunAsync("pdftoppm", arguments, folder, cancellationToken);
            return await File.ReadAllBytesAsync(prefix + extension, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<ToolResult> RunAsync(string program, IReadOnlyList<string> arguments, string folder, CancellationToken cancellationToken) =>
        ToolProcess.RunAsync(new ToolCommand(program, arguments) { WorkingDirectory = folder, Timeout = ToolTimeout, MaxFileBytes = 1L << 30 }, cancellationToken);
}
