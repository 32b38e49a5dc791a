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
    public void A_pdf_cut_short_fails_as_corrupt_or_keeps_the_pages_it_still_has()
    {
        var opinion = File.ReadAllBytes(Corpus.CourtDocument("missouri.pdf"));
        using var stream = new MemoryStream(opinion[..(opinion.Length / 3)]);

        try
        {
            var document = new PdfTextExtractor().Extract(stream, TestContext.Current.CancellationToken);
            Assert.InRange(document.Pages.Count, 1, 5);
        }
        catch (PermanentJobException failure)
        {
            Assert.True(failure.Code is "corrupt" or "no_extractable_text", failure.Code);
        }
    }
}
