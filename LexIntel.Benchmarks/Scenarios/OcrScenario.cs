using System.Globalization;
using Aspire.Hosting.Testing;
using LexIntel.ApiService.Documents;
using LexIntel.Benchmarks.Infrastructure;
using LexIntel.Benchmarks.Ocr;
using LexIntel.Shared.Data;
using LexIntel.Tests.Harness;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.Ocr;
using LexIntel.WorkerService.TextCleanup;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.Benchmarks.Scenarios;

/// <summary>
/// A scan made here of a PDF whose text layer is known: <c>vector-pdf.pdf</c>'s pages rendered to
/// grayscale images, as a scanner gives them, and put back into a PDF that holds only the images.
/// The scan goes through the app (upload, extract, ocr, clean, chunk, …, ready); its stored text is
/// compared with the original's text layer as the extractor reads it and the page cleanup leaves
/// it (character error rate: like with like, as both lose the same furniture), and
/// the ocr step's time per page with the same images read by <c>tesseract</c> on the command line,
/// one after another, in the same run once the app is idle.
/// </summary>
internal sealed class OcrScenario : IBenchmarkScenario
{
    private const string Source = "vector-pdf.pdf";

    /// <summary>Pages read by Tesseract's default build (OpenMP threads) for the extra line: its threads make it slow on two shared cores.</summary>
    private const int DefaultCliSample = 6;

    public string Name => "ocr";

    public string Description => "a 300 dpi scan of vector-pdf.pdf through the app: OCR s/page vs. tesseract alone, character error rate vs. the text layer";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var source = TestData.CourtDocument(Source);
        var settings = new OcrOptions();
        var references = ReadTextLayer(source, cancellationToken);
        var folder = Directory.CreateTempSubdirectory("lexintel-ocr-bench-").FullName;
        try
        {
            var images = new List<string>();
            for (var page = 1; page <= references.Count; page++)
            {
                var image = Path.Combine(folder, $"page-{page:D2}.png");
                await File.WriteAllBytesAsync(image, await Scans.RenderPageAsync(source, page, settings.Dpi, cancellationToken), cancellationToken);
                images.Add(image);
            }

            var scan = Path.Combine(folder, "vector-pdf-scanned.pdf");
            await File.WriteAllBytesAsync(scan, Scans.ImageOnlyPdf(await Task.WhenAll(images.Select(i => File.ReadAllBytesAsync(i, cancellationToken)))), cancellationToken);
            var scanBytes = new FileInfo(scan).Length;
            var uploadLimit = new UploadOptions().MaxFileBytes;
            if (scanBytes > uploadLimit)
            {
                throw new InvalidOperationException($"The scan is {scanBytes:N0} bytes, over the upload limit of {uploadLimit:N0}: the images did not go in compressed.");
            }

            await using var app = await BenchmarkApp.StartAsync(cancellationToken);
            using var client = app.CreateClient();
            var (_, documents) = await CaseUploader.UploadAndWaitAsync(client, [scan], cancellationToken);
            var document = documents.Single();
            if (document.Status != "ready" || document.PageCount != references.Count)
            {
                throw new InvalidOperationException($"The scan ended {document.Status} with {document.PageCount} pages, not ready with {references.Count}.");
            }

            var (ocrTime, pagesReported) = await OcrStepTiming.ReadAsync(client, document.Id, cancellationToken);
            if (pagesReported != references.Count)
            {
                throw new InvalidOperationException($"The ocr step reported {pagesReported} pages, not {references.Count}.");
            }

            var sPerPage = ocrTime.TotalSeconds / references.Count;

            var normalized = references.Select(CharacterErrors.Normalize).ToList();
            IReadOnlyList<string> recognized;
            await using (var db = new LexIntelDbContext(new DbContextOptionsBuilder<LexIntelDbContext>()
                .UseNpgsql(await app.App.GetConnectionStringAsync("lexintel", cancellationToken), o => o.UseVector()).Options))
            {
                recognized = await StoredPages.ReadAsync(db, document.Id, normalized, cancellationToken);
            }

            // The app is idle now: the baseline has the cores to itself, as the worker had.
            var baseline = await TesseractBaseline.SecondsPerPageAsync(images, asTheWorker: true, cancellationToken);
            var sample = images.Where((_, i) => i % (images.Count / DefaultCliSample) == 0).Take(DefaultCliSample).ToList();
            var defaultCli = await TesseractBaseline.SecondsPerPageAsync(sample, asTheWorker: false, cancellationToken);
            var ratio = sPerPage / baseline;

            var scores = PageScores(recognized, normalized);
            await WriteTextsAsync(scores, cancellationToken);
            var scored = scores.Where(s => s.Reference.Length > 0).ToList();
            var cer = (double)scored.Sum(s => s.Distance) / scored.Sum(s => s.Reference.Length);
            var leftOut = scores.Where(s => s.Reference.Length == 0).Select(s => s.Page).ToList();
            var worst = scored.OrderByDescending(s => s.Rate).Take(3).Select(s => $"p{s.Page} {s.Rate:P1}");

            return new BenchmarkResult(
                [
                    new("pages", references.Count),
                    new("s_per_page", sPerPage),
                    new("baseline_s_per_page", baseline),
                    new("ratio", ratio),
                    new("cer", cer),
                ],
                [
                    new("pages", references.Count.ToString(CultureInfo.InvariantCulture), $"the scan: {settings.Dpi} dpi grayscale PNGs by pdftoppm in an image-only PDF of {scanBytes / 1e6:F1} MB"),
                    new("ocr step", BenchmarkReport.Format(ocrTime.TotalSeconds, "s"), $"its first to its last progress event (one a page), worker clock; render + tesseract, {settings.Parallelism} pages at once"),
                    new("s per page", BenchmarkReport.Format(sPerPage, "s"), "the ocr step / pages"),
                    new("baseline s per page", BenchmarkReport.Format(baseline, "s"), "the same PNGs through the tesseract CLI one after another, the worker's arguments, OMP_THREAD_LIMIT=1"),
                    new("default CLI s per page", BenchmarkReport.Format(defaultCli, "s"), $"not in the JSON: tesseract's own OpenMP threads, {sample.Count} of the pages"),
                    new("ratio", BenchmarkReport.Format(ratio, "×"), "s per page / baseline; target ≤ 1.2"),
                    new("CER", BenchmarkReport.Format(cer * 100, "%"), $"Levenshtein / reference characters over pages {Ranges(scored.Select(s => s.Page))}, whitespace normalized; target ≤ 3 %"),
                    new("left out", leftOut.Count.ToString(CultureInfo.InvariantCulture), $"pages {Ranges(leftOut)}: no text layer to compare with (maps)"),
                    new("worst pages", string.Join(", ", worst), $"texts side by side in {TextsFolder}"),
                ]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string TextsFolder => Path.Combine("bench-results", "ocr-pages");

    /// <summary>The original's pages as the worker's extractor reads its text layer (PdfPig, content order).</summary>
    /// <summary>The text layer as the pipeline stores it: read by the extractor, then cleaned of page furniture as every document's pages are.</summary>
    private static List<string> ReadTextLayer(string pdf, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(pdf);
        return [.. PageCleaner.Clean(new PdfTextExtractor().Extract(stream, cancellationToken).Pages).Pages.Select(p => p.Page.Text)];
    }

    private static List<PageScore> PageScores(IReadOnlyList<string> recognized, List<string> references) =>
        [.. recognized.Select((text, i) =>
        {
            var ocr = CharacterErrors.Normalize(text);
            return new PageScore(i + 1, ocr, references[i], CharacterErrors.Distance(ocr, references[i]));
        })];

    /// <summary>Each page's recognized and reference text, normalized as compared, for reading the differences.</summary>
    private static async Task WriteTextsAsync(List<PageScore> scores, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(TextsFolder).FullName;
        foreach (var score in scores)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"page-{score.Page:D2}.ocr.txt"), score.Recognized, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, $"page-{score.Page:D2}.ref.txt"), score.Reference, cancellationToken);
        }
    }

    private static string Ranges(IEnumerable<int> pages)
    {
        var list = pages.ToList();
        return list.Count == 0 ? "none" : list.Count == list[^1] - list[0] + 1 ? $"{list[0]}–{list[^1]}" : string.Join(", ", list);
    }

    private sealed record PageScore(int Page, string Recognized, string Reference, int Distance)
    {
        public double Rate => Reference.Length == 0 ? 0 : (double)Distance / Reference.Length;
    }
}
