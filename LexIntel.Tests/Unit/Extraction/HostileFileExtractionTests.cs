using LexIntel.Shared.Documents;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using LexIntel.WorkerService.Extraction;

namespace LexIntel.Tests.Unit.Extraction;

[Tier(TestTier.Unit)]
public sealed class HostileFileExtractionTests
{
    private static PermanentJobException Fail(IDocumentExtractor extractor, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return Assert.Throws<PermanentJobException>(() => extractor.Extract(stream, TestContext.Current.CancellationToken));
    }

    private static ExtractedDocument Extract(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return new PdfTextExtractor().Extract(stream, TestContext.Current.CancellationToken);
    }

    [Fact]
    public void A_zip_bomb_docx_fails_as_too_large_without_inflating()
    {
        var bomb = HostileFiles.ZipBombDocx();
        Assert.Equal(DocumentContentTypes.Docx, ContentSniffer.Sniff(new MemoryStream(bomb), "bomb.docx"));

        var failure = Fail(new DocxTextExtractor(), bomb);

        Assert.Equal("too_large", failure.Code);
        Assert.Contains("zip bomb", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_protected_pdf_fails_as_encrypted()
    {
        var pdf = HostileFiles.PasswordProtectedPdf();
        Assert.Equal(DocumentContentTypes.Pdf, ContentSniffer.Sniff(new MemoryStream(pdf), "locked.pdf"));

        var failure = Fail(new PdfTextExtractor(), pdf);

        Assert.Equal("encrypted", failure.Code);
        Assert.Contains("password", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_cut_short_keeps_the_pages_it_still_has()
    {
        var opinion = File.ReadAllBytes(TestData.CourtDocument("missouri.pdf"));
        var whole = Extract(opinion);

        // A third of this file ends inside the signature images appended after its first revision,
        // so every page of that revision is still there to read.
        var cut = Extract(opinion[..(opinion.Length / 3)]);

        Assert.Equal(5, cut.Pages.Count);
        Assert.Equal(whole.Pages.Select(p => (p.Number, p.Text)), cut.Pages.Select(p => (p.Number, p.Text)));
    }

    [Fact]
    public void A_pdf_cut_short_inside_its_pages_fails_as_corrupt_not_as_a_scan()
    {
        var opinion = File.ReadAllBytes(TestData.CourtDocument("missouri.pdf"));

        var failure = Fail(new PdfTextExtractor(), opinion[..(opinion.Length / 4)]);

        Assert.Equal("corrupt", failure.Code);
        Assert.Equal("the PDF file is cut short (its end is missing); upload the complete file", failure.Message);
    }
}
