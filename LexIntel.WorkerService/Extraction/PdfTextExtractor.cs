using LexIntel.Shared.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// PDF text per page with PdfPig's content-order extractor (<c>page.Text</c> glues words together).
/// A PDF without a text layer fails with a clear reason instead of succeeding empty.
/// </summary>
public sealed class PdfTextExtractor : IDocumentExtractor
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

    public IReadOnlyCollection<string> ContentTypes { get; } = [DocumentContentTypes.Pdf];

    public ExtractedDocument Extract(Stream content, CancellationToken cancellationToken)
    {
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true });
            var pages = new List<ExtractedPage>(document.NumberOfPages);
            foreach (var page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                pages.Add(new ExtractedPage(page.Number, ContentOrderTextExtractor.GetText(page)));
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

            return new ExtractedDocument(pages, []);
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
