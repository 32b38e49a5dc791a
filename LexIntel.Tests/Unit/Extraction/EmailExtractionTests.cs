using LexIntel.Shared.Documents;
using LexIntel.Tests.Infrastructure;
using LexIntel.WorkerService.Extraction;

namespace LexIntel.Tests.Unit.Extraction;

[Tier(TestTier.Unit)]
public sealed class EmailExtractionTests
{
    [Fact]
    public void An_email_yields_its_headers_and_body_and_hands_back_its_attachments()
    {
        using var eml = new MemoryStream(SampleEmail.Build());
        Assert.Equal(DocumentContentTypes.Email, ContentSniffer.Sniff(eml, "opinion.eml"));

        var extracted = new EmailTextExtractor().Extract(eml, TestContext.Current.CancellationToken);

        var text = Assert.Single(extracted.Pages).Text;
        Assert.Contains("Subject: Opinion in Missouri", text, StringComparison.Ordinal);
        Assert.Contains(SampleEmail.Body, text, StringComparison.Ordinal);
        Assert.Equal(["410 U.S. 113"], new LexIntel.Shared.Citations.CitationExtractor().Extract(text).Select(c => c.Normalized));
        Assert.Equal(["missouri.pdf", "notes.txt", "logo.png"], extracted.Attachments.Select(a => a.FileName));
        Assert.Equal(File.ReadAllBytes(TestData.CourtDocument("missouri.pdf")), extracted.Attachments[0].Content);
    }
}
