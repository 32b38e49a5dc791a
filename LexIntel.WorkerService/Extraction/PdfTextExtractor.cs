using LexIntel.Shared.Documents;
using LexIntel.WorkerService.TextCleanup;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// PDF text per page with PdfPig's content-order extractor (<c>page.Text</c> glues words together).
/// A page that is an image with (almost) no text layer is marked for OCR; a PDF with neither text
/// nor images fails with a clear reason instead of succeeding empty. Pages, text
/// and the bytes its streams decode to are bounded by <see cref="ExtractionLimits"/> as it is read.
/// </summary>
public sealed class PdfTextExtractor(IOptions<ExtractionLimits> limits) : IDocumentExtractor
{
    public const string NoText = "no extractable text: the PDF's pages hold neither text nor images";

    /// <summary>
    /// Below this many letters of its own (besides filing stamps and page numbers), a page with an
    /// image is a scan, perhaps stamped by CM/ECF, not a page of text.
    /// </summary>
    public const int ScannedPageLetters = 50;

    /// <summary>
    /// Writers end a PDF with <c>%%EOF</c>, some followed by a little padding; readers look for it
    /// this far from the end.
    /// </summary>
    private const int EndMarkerWindow = 1024;

    /// <summary>With the default limits, for tools and tests that run an extractor on its own.</summary>
    public PdfTextExtractor()
        : this(Options.Create(new ExtractionLimits()))
    {
    }

    public IReadOnlyCollection<string> ContentTypes { get; } = [DocumentContentTypes.Pdf];

    public ExtractedDocument Extract(Stream content, CancellationToken cancellationToken)
    {
        var limit = limits.Value;
        var streams = new PdfStreamBudget(limit.MaxDecompressedBytes, cancellationToken);
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, FilterProvider = new PdfBoundedFilterProvider(streams) });
            if (document.NumberOfPages > limit.MaxPdfPages)
            {
                throw ExtractionFailures.TooManyPages(document.NumberOfPages, limit.MaxPdfPages);
            }

            var text = new TextBudget(limit);
            var pages = new List<ExtractedPage>(document.NumberOfPages);
            foreach (var page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var pageText = ContentOrderTextExtractor.GetText(page);
                streams.ThrowIfBreached();
                text.Spend(pageText.Length);
                pages.Add(new ExtractedPage(page.Number, pageText, NeedsOcr(page, pageText)));
            }

            if (!pages.Any(p => p.NeedsOcr || p.Text.Any(char.IsLetter)))
            {
                // A file that lost its end (an interrupted download or copy) reads as pages without
                // text or images too; calling it empty would hide that it is incomplete.
                throw HasEndMarker(content) ? ExtractionFailures.NoText(NoText) : ExtractionFailures.CutShort("PDF");
            }

            streams.ThrowIfBreached();
            return new ExtractedDocument(pages, []);
        }
        catch (Exception ex) when (streams.Breach is { } breach && ex != breach)
        {
            // PdfPig turned the breach into an error of its own; it is still the limit that stopped it.
            throw breach;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // Cancelled inside PdfPig, which wrapped the cancellation: not a damaged file.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw ExtractionFailures.Encrypted(ex);
        }
        catch (Exception ex) when (ex is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or InvalidCastException or KeyNotFoundException)
        {
            // PdfPig reports damage through many exception types; none of them heals on retry.
            throw ExtractionFailures.Corrupt("PDF", ex);
        }
    }

    /// <summary>
    /// The letters counted are the page's own, not its filing stamp's or page number's: a scan that
    /// CM/ECF stamped has a text layer of nothing else. Images are only looked at on a page with
    /// little text: parsing them costs time a page of text need not spend.
    /// </summary>
    private static bool NeedsOcr(Page page, string text) =>
        FurniturePatterns.Strip(text).Count(char.IsLetter) < ScannedPageLetters
        && page.GetImages().Any();

    private static bool HasEndMarker(Stream content)
    {
        var tail = new byte[(int)Math.Min(content.Length, EndMarkerWindow)];
        content.Seek(-tail.Length, SeekOrigin.End);
        content.ReadExactly(tail);
        return tail.AsSpan().IndexOf("%%EOF"u8) >= 0;
    }
}
