using LexIntel.Shared.Documents;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using LexIntel.WorkerService.Extraction;

namespace LexIntel.Tests.Unit.Extraction;

[Tier(TestTier.Unit)]
public sealed class CorpusExtractionTests
{
    private static readonly DocumentExtractors Extractors = new(
        [new PdfTextExtractor(), new DocxTextExtractor(), new HtmlTextExtractor(), new PlainTextExtractor(), new EmailTextExtractor(), new ImageExtractor()]);

    private static (string? ContentType, ExtractedDocument? Document, PermanentJobException? Failure) Run(string fileName)
    {
        using var stream = File.OpenRead(TestData.CourtDocument(fileName));
        var contentType = ContentSniffer.Sniff(stream, fileName);
        if (contentType is null)
        {
            return (null, null, null);
        }

        try
        {
            return (contentType, Extractors.Extract(contentType, stream, TestContext.Current.CancellationToken), null);
        }
        catch (PermanentJobException ex)
        {
            return (contentType, null, ex);
        }
    }

    [Fact]
    public void The_supreme_court_slip_opinion_has_30_pages_beginning_with_its_caption()
    {
        var (type, document, _) = Run("vector-pdf.pdf");

        Assert.Equal(DocumentContentTypes.Pdf, type);
        Assert.Equal(30, document!.Pages.Count);
        Assert.Equal(Enumerable.Range(1, 30), document.Pages.Select(p => p.Number));
        // Content order puts the running page number, drawn first, before the caption.
        Assert.Matches(@"^(1\s+)?\(Slip Opinion\) OCTOBER TERM, 2012\s+Syllabus", document.Pages[0].Text.TrimStart());

        // The last two pages are the appendix's maps, images without text.
        Assert.Equal(Enumerable.Range(1, 28), document.Pages.Where(p => p.Text.Any(char.IsLetter)).Select(p => p.Number));

        // Words keep their spaces (page.Text would glue them together).
        Assert.Contains("See United States v. Detroit Timber & Lumber Co., 200 U. S. 321, 337.", document.Pages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_with_junk_before_its_header_is_still_a_pdf()
    {
        var (type, document, _) = Run("broken-mime.pdf");

        Assert.Equal(DocumentContentTypes.Pdf, type);
        Assert.Equal(23, document!.Pages.Count);
    }

    [Fact]
    public void A_scanned_pdf_has_its_pages_marked_for_ocr_instead_of_an_empty_success()
    {
        var (type, document, _) = Run("image-pdf.pdf");

        Assert.Equal(DocumentContentTypes.Pdf, type);
        Assert.Equal([1, 2], document!.Pages.Select(p => p.Number));
        Assert.All(document.Pages, p => Assert.True(p.NeedsOcr && !p.ByOcr && p.Text.Trim().Length == 0));
    }

    [Fact]
    public void A_scanned_filing_with_only_a_stamped_header_needs_ocr_on_every_page()
    {
        var (_, document, _) = Run("ca4_17.pdf");

        Assert.All(document!.Pages, p => Assert.True(p.NeedsOcr));
        Assert.Contains(document.Pages, p => p.Text.Contains("Pg:", StringComparison.Ordinal) || p.Text.Contains("Page", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pdf_of_text_needs_ocr_only_on_its_pages_that_are_images()
    {
        var (_, document, _) = Run("vector-pdf.pdf");

        // The appendix's two maps are images without a text layer.
        Assert.Equal([29, 30], document!.Pages.Where(p => p.NeedsOcr).Select(p => p.Number));
    }

    [Fact]
    public void An_empty_file_has_no_content_type()
    {
        Assert.Null(Run("empty.pdf").ContentType);
    }

    [Theory]
    [InlineData("missouri.pdf", 5)]
    [InlineData("ca1_00117684624.pdf", 17)]
    [InlineData("ca2_1-1.pdf", 2)]
    [InlineData("ca3_003112692106.pdf", 2)]
    [InlineData("ca6_1-3.pdf", 3)]
    [InlineData("ca7_3.pdf", 1)]
    [InlineData("ca10_010110462922.pdf", 1)]
    [InlineData("cafc_3.pdf", 2)]
    public void Court_filings_yield_text_on_their_pages(string fileName, int pages)
    {
        var (type, document, failure) = Run(fileName);

        Assert.Null(failure);
        Assert.Equal(DocumentContentTypes.Pdf, type);
        Assert.Equal(Enumerable.Range(1, pages), document!.Pages.Select(p => p.Number));
        Assert.All(document.Pages, page => Assert.True(page.Text.Count(char.IsLetter) > 100, $"page {page.Number} has almost no text"));
        Assert.True(document.Pages.Sum(p => p.Text.Count(char.IsLetter)) > 500, "too little text for a court filing");
    }

    [Fact]
    public void The_word_document_begins_with_its_first_paragraph()
    {
        var (type, document, _) = Run("word-docx.docx");

        Assert.Equal(DocumentContentTypes.Docx, type);
        var text = string.Join("\n", document!.Pages.Select(p => p.Text));
        Assert.StartsWith("ex- Cpl,", text.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("Current Discharge and Applicant’s Request", text, StringComparison.Ordinal);
    }
}
