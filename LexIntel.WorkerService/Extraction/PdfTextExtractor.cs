using LexIntel.Shared.Documents;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// PDF text per page with PdfPig's content-order extractor (<c>page.Text</c> glues words together).
/// A PDF without a text layer fails with a clear reason instead of succeeding empty. Pages, text
/// and the bytes its streams decode to are bounded by <see cref="ExtractionLimits"/> as it is read.
/// </summary>
public sealed class PdfTextExtractor(IOptions<ExtractionLimits> limits) : IDocumentExtractor
{
    public const string NoTextLayer = "no extractable text (scanned PDF; OCR not enabled)";

    /// <summary>
    /// Below this many letters per page, a PDF whose pages are mostly images is a scan with at most a
    /// stamped header (as RECAP adds to scanned filings), not a document with text.
    /// </summary>
    public const int ScannedLettersPerPage = 50;

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
                pages.Add(new ExtractedPage(page.Number, pageText));
            }

            // Images are only looked at when there is little text: parsing them costs time a normal PDF need not spend.
            var letters = pages.Sum(p => p.Text.Count(char.IsLetter));
            var scanned = letters == 0
                || (letters < ScannedLettersPerPage * pages.Count && document.GetPages().Count(p => p.GetImages().Any()) * 2 >= pages.Count);
            if (scanned)
            {
                // A file that lost its end (an interrupted download or copy) reads as pages without
                // text too; calling it a scan would send the user looking for OCR.
                throw HasEndMarker(content) ? ExtractionFailures.NoText(NoTextLayer) : ExtractionFailures.CutShort("PDF");
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

    private static bool HasEndMarker(Stream content)
    {
        var tail = new byte[(int)Math.Min(content.Length, EndMarkerWindow)];
        content.Seek(-tail.Length, SeekOrigin.End);
        content.ReadExactly(tail);
        return tail.AsSpan().IndexOf("%%EOF"u8) >= 0;
    }
}
