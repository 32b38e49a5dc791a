using System.Collections.Concurrent;
using System.Diagnostics;
using LexIntel.Shared.Documents;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Harness;
using LexIntel.Tests.Infrastructure;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.Ocr;
using LexIntel.WorkerService.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Integration.Ocr;

/// <summary>
/// OCR as the worker runs it: real <c>pdftoppm</c>, <c>tiffsplit</c> and Tesseract started from a
/// real sandbox process (the worker's build output), on the corpus's scan and on scans made from
/// its PDFs.
/// </summary>
[Tier(TestTier.Integration)]
public sealed class PageRecognitionTests : IDisposable
{
    private static readonly string[] ToolNames = ["pdftoppm", "tesseract", "tiffsplit"];

    private readonly SandboxOptions sandboxOptions = new();
    private readonly SandboxPool pool;
    private readonly SandboxedExtraction extraction;

    public PageRecognitionTests()
    {
        pool = new SandboxPool(Options.Create(sandboxOptions), TimeProvider.System, NullLogger<SandboxPool>.Instance);
        extraction = new SandboxedExtraction(pool, Options.Create(sandboxOptions), Options.Create(new ExtractionLimits()), NullLogger<SandboxedExtraction>.Instance);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_scanned_slip_opinion_is_read_page_by_page_with_its_page_numbers()
    {
        var bytes = await File.ReadAllBytesAsync(TestData.CourtDocument("image-pdf.pdf"), Cancel);

        var (pages, reported) = await ExtractAndRecognizeAsync(DocumentContentTypes.Pdf, bytes, new OcrOptions());

        Assert.Equal([1, 2], pages.Select(p => p.Number));
        Assert.All(pages, p => Assert.True(p.ByOcr && !p.NeedsOcr));
        Assert.StartsWith("(Slip Opinion) OCTOBER TERM, 2012", pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("diverting water", pages[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("diverting", pages[0].Text, StringComparison.Ordinal);
        Assert.Equal(2, reported.Count);
    }

    [Fact]
    public async Task A_mixed_pdf_has_only_its_scanned_page_recognized()
    {
        var scanned = await Scans.RenderPageAsync(TestData.CourtDocument("image-pdf.pdf"), 2, 300, Cancel);
        var pdf = Scans.MixedPdf(["MEMORANDUM OPINION AND ORDER", "The motion to dismiss under Rule 12(b)(6) is denied in part."], scanned);

        await using var file = ScratchFile.Of(pdf);
        var extracted = await extraction.ExtractAsync(DocumentContentTypes.Pdf, file, Cancel);
        Assert.Equal([false, true], extracted.Pages.Select(p => p.NeedsOcr));

        var recognized = new List<ExtractedPage>();
        await extraction.RecognizeAsync(DocumentContentTypes.Pdf, file, [2], new OcrOptions(), page =>
        {
            recognized.Add(page);
            return Task.CompletedTask;
        }, Cancel);

        var page = Assert.Single(recognized);
        Assert.Equal(2, page.Number);
        Assert.Contains("diverting water", page.Text, StringComparison.Ordinal);
        Assert.Contains("Rule 12(b)(6)", extracted.Pages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scan_whose_text_layer_is_only_its_filing_stamps_needs_ocr_and_one_with_text_of_its_own_does_not()
    {
        var png = await Scans.RenderPageAsync(TestData.CourtDocument("image-pdf.pdf"), 2, 150, Cancel);
        string[] stamps =
        [
            "Case 1:16-cv-01234-ABC Document 40 Filed 03/16/22 Page 2 of 4 PageID #: 1234",
            "Case: 21-50498 Document: 00516242060 Page: 2 Date Filed: 03/16/2022",
        ];
        string[] note = ["Exhibit A to the Declaration of Counsel, filed with the Motion to Compel Arbitration."];

        // Together the stamps hold more letters than a scan's text layer may (50): only they are left out.
        Assert.True(string.Concat(stamps).Count(char.IsLetter) >= PdfTextExtractor.ScannedPageLetters);
        Assert.True((await ExtractAsync(Scans.StampedScanPdf(png, stamps))).Pages.Single().NeedsOcr);
        Assert.False((await ExtractAsync(Scans.StampedScanPdf(png, [.. stamps, .. note]))).Pages.Single().NeedsOcr);
    }

    [Fact]
    public async Task A_multi_page_tiff_is_split_into_its_pages()
    {
        var tiff = await Scans.MultiPageTiffAsync(TestData.CourtDocument("image-pdf.pdf"), [1, 2], 300, Cancel);
        using (var sniffed = new MemoryStream(tiff))
        {
            Assert.Equal(DocumentContentTypes.Tiff, ContentSniffer.Sniff(sniffed, "scan.tif"));
        }

        var (pages, reported) = await ExtractAndRecognizeAsync(DocumentContentTypes.Tiff, tiff, new OcrOptions());

        Assert.Equal([1, 2], pages.Select(p => p.Number));
        Assert.StartsWith("(Slip Opinion) OCTOBER TERM, 2012", pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("diverting water", pages[1].Text, StringComparison.Ordinal);
        Assert.Equal(2, reported.Count);
    }

    [Fact]
    public async Task A_png_scan_is_one_page()
    {
        var png = await Scans.RenderPageAsync(TestData.CourtDocument("image-pdf.pdf"), 1, 300, Cancel);

        var (pages, _) = await ExtractAndRecognizeAsync(DocumentContentTypes.Png, png, new OcrOptions());

        var page = Assert.Single(pages);
        Assert.StartsWith("(Slip Opinion) OCTOBER TERM, 2012", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DocumentContentTypes.Png)]
    [InlineData(DocumentContentTypes.Tiff)]
    public async Task A_corrupt_image_fails_as_corrupt_with_the_reason(string contentType)
    {
        var png = await Scans.RenderPageAsync(TestData.CourtDocument("image-pdf.pdf"), 1, 150, Cancel);
        var cut = contentType == DocumentContentTypes.Png
            ? png[..(png.Length / 3)]
            : (await Scans.MultiPageTiffAsync(TestData.CourtDocument("image-pdf.pdf"), [1], 150, Cancel))[..3000];

        var failure = await Assert.ThrowsAsync<PermanentJobException>(() => ExtractAndRecognizeAsync(contentType, cut, new OcrOptions()));

        Assert.Equal("corrupt", failure.Code);
        Assert.StartsWith("the image could not be read (", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_its_timeout_is_killed_with_its_tools_and_fails_as_timed_out()
    {
        var bytes = await File.ReadAllBytesAsync(TestData.CourtDocument("image-pdf.pdf"), Cancel);
        var before = OcrTools();
        var clock = Stopwatch.StartNew();

        // Rendering and reading a page at 600 dpi takes this machine seconds: a tenth of one is a hang.
        var failure = await Assert.ThrowsAsync<PermanentJobException>(() =>
            ExtractAndRecognizeAsync(DocumentContentTypes.Pdf, bytes, new OcrOptions { Dpi = 600, PageTimeout = TimeSpan.FromMilliseconds(100) }));

        Assert.Equal(JobFailure.TimedOutCode, failure.Code);
        Assert.Contains("LexIntel:Ocr:PageTimeout", failure.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Empty(OcrTools().Except(before));
    }

    [Fact]
    public async Task Cancelling_the_job_kills_the_sandbox_and_the_tools_it_started()
    {
        var png = await Scans.RenderPageAsync(TestData.CourtDocument("image-pdf.pdf"), 1, 300, Cancel);
        var pdf = Scans.ImageOnlyPdf(Enumerable.Repeat(png, 6));
        var before = OcrTools();
        using var job = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        await using var file = ScratchFile.Of(pdf);

        var recognizing = extraction.RecognizeAsync(DocumentContentTypes.Pdf, file, [1, 2, 3, 4, 5, 6], new OcrOptions(), _ => Task.CompletedTask, job.Token);
        await WaitForAsync(() => OcrTools().Except(before).Any());
        job.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recognizing);
        await WaitForAsync(() => !OcrTools().Except(before).Any());
    }

    [Fact]
    public async Task Run_in_the_worker_the_tools_leave_no_temporary_files_whether_a_page_is_read_or_fails()
    {
        var inWorker = new InProcessExtraction(new DocumentExtractors([new ImageExtractor()]));
        var png = await Scans.RenderPageAsync(TestData.CourtDocument("image-pdf.pdf"), 1, 150, Cancel);
        var before = OcrFolders();
        var pages = new List<ExtractedPage>();

        await using (var file = ScratchFile.Of(png))
        {
            await inWorker.RecognizeAsync(DocumentContentTypes.Png, file, [], new OcrOptions(), page =>
            {
                pages.Add(page);
                return Task.CompletedTask;
            }, Cancel);
        }

        await using (var cut = ScratchFile.Of(png[..(png.Length / 2)]))
        {
            await Assert.ThrowsAsync<PermanentJobException>(() => inWorker.RecognizeAsync(DocumentContentTypes.Png, cut, [], new OcrOptions(), _ => Task.CompletedTask, Cancel));
        }

        Assert.StartsWith("(Slip Opinion)", Assert.Single(pages).Text, StringComparison.Ordinal);
        Assert.Empty(OcrFolders().Except(before));
    }

    public void Dispose() => pool.Dispose();

    private static HashSet<string> OcrFolders() => [.. Directory.GetDirectories(Path.GetTempPath(), "lexintel-ocr-*")];

    private async Task<(List<ExtractedPage> Pages, ConcurrentBag<int> Reported)> ExtractAndRecognizeAsync(string contentType, byte[] bytes, OcrOptions settings)
    {
        await using var file = ScratchFile.Of(bytes);
        var extracted = await extraction.ExtractAsync(contentType, file, Cancel);
        var reported = new ConcurrentBag<int>();
        var pages = new List<ExtractedPage>();
        await extraction.RecognizeAsync(contentType, file, [.. extracted.Pages.Where(p => p.NeedsOcr).Select(p => p.Number)], settings, page =>
        {
            reported.Add(page.Number);
            pages.Add(page);
            return Task.CompletedTask;
        }, Cancel);
        return ([.. pages.OrderBy(p => p.Number)], reported);
    }

    private async Task<ExtractedDocument> ExtractAsync(byte[] pdf)
    {
        await using var file = ScratchFile.Of(pdf);
        return await extraction.ExtractAsync(DocumentContentTypes.Pdf, file, Cancel);
    }

    /// <summary>The process ids of the OCR tools running on this machine.</summary>
    private static HashSet<int> OcrTools() => [.. LiveProcesses.Matching((name, _) => ToolNames.Contains(name))];

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 20 s");
            await Task.Delay(50, Cancel);
        }
    }
}
