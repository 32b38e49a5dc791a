using LexIntel.Shared.Documents;
using LexIntel.Shared.Pipeline;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.Ocr;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Pipeline.Steps;

/// <summary>
/// Recognizes the pages extraction found to be images without a text layer worth the name (a
/// scan, a scan with only its filing stamp as text, an image upload), and only those: the other
/// pages of a mixed PDF keep their text layer. Each page reports progress as it is done.
/// </summary>
internal sealed class RecognizeTextStep(ITextExtraction extraction, DocumentStages stages, IOptions<OcrOptions> options) : IDocumentStep
{
    public PipelineStep Step => DocumentPipeline.Recognize;

    public bool AppliesTo(DocumentRun run) => run.Extracted.Pages.Any(p => p.NeedsOcr);

    public string Describe(DocumentRun run) => IsImage(run)
        ? $"Reading {run.Document.OriginalFileName} by OCR"
        : $"Reading {Count(run.Extracted.Pages.Count(p => p.NeedsOcr), "scanned page")} by OCR";

    public async Task<StepResult> RunAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pages = run.Extracted.Pages;
        if (!settings.Enabled)
        {
            if (IsImage(run))
            {
                throw OcrFailures.ImageWithoutOcr();
            }

            // A mixed PDF is still read from the pages that have text, as it was before OCR existed.
            return pages.Any(p => !p.NeedsOcr && p.Text.Any(char.IsLetter)) ? StepResult.Success : throw OcrFailures.ScanWithoutOcr();
        }

        var scanned = pages.Where(p => p.NeedsOcr).Select(p => p.Number).ToList();
        if (scanned.Count > settings.MaxPages)
        {
            throw OcrFailures.TooManyPages(scanned.Count, settings.MaxPages);
        }

        // An image's page count is known only once it is split (a multi-page TIFF).
        int? total = IsImage(run) ? null : scanned.Count;
        var recognized = new SortedDictionary<int, ExtractedPage>();
        await extraction.RecognizeAsync(
            run.Document.ContentType,
            run.Original,
            scanned,
            settings,
            async page =>
            {
                recognized[page.Number] = page;
                var done = recognized.Count;
                var percent = total is { } known ? Step.PercentAt(done, known) : Step.PercentAt(done, done + 1);
                var of = total is { } all ? $" of {all}" : string.Empty;
                await stages.ReportAsync(run.Job, Step.Status, percent, $"Read page {page.Number} by OCR ({done}{of})", cancellationToken);
            },
            cancellationToken);

        List<ExtractedPage> merged = IsImage(run) ? [.. recognized.Values] : [.. pages.Select(p => recognized.GetValueOrDefault(p.Number) ?? p)];
        if (!merged.Any(p => p.Text.Any(char.IsLetter)))
        {
            throw OcrFailures.NothingRecognized();
        }

        run.Extracted = (run.Extracted with { Pages = merged }).Normalized();
        return StepResult.Success;
    }

    private static bool IsImage(DocumentRun run) => DocumentContentTypes.Images.Contains(run.Document.ContentType);

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
