using LexIntel.Tests.Infrastructure;
using LexIntel.Tests.Unit.Embeddings;
using LexIntel.WorkerService.Chunking;
using LexIntel.WorkerService.Context;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.TextCleanup;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Unit.Context;

/// <summary>The context headers of real filings: caption read from the first page, section from the headings.</summary>
[Tier(TestTier.Unit)]
public sealed class PassageContextTests(ArcticEmbedModelFixture model) : IClassFixture<ArcticEmbedModelFixture>
{
    private static (CleanedDocument Cleaned, DocumentText Text, DocumentCaption Caption) Read(string path)
    {
        using var stream = File.OpenRead(path);
        var cleaned = PageCleaner.Clean(new PdfTextExtractor().Extract(stream, TestContext.Current.CancellationToken).Pages);
        return (cleaned, DocumentText.From([.. cleaned.Pages.Select(p => p.Page)]), DocumentCaption.Read(cleaned.Pages[0].Page.Text, cleaned.DocketNumber));
    }

    [Fact]
    public void A_district_court_order_is_known_by_its_court_parties_title_and_docket()
    {
        var (_, _, caption) = Read(Path.Combine(TestData.SearchDocuments, "gov.uscourts.cand.288207.440.0.pdf"));

        Assert.Equal("UNITED STATES DISTRICT COURT, NORTHERN DISTRICT OF CALIFORNIA", caption.Court);
        Assert.Equal("TESSERA v. TOSHIBA CORPORATION", caption.Parties);
        Assert.StartsWith("REDACTED ORDER (1) GRANTING TESSERA’S MOTION FOR PARTIAL SUMMARY JUDGMENT", caption.Title, StringComparison.Ordinal);
        Assert.Equal("15-cv-02543-BLF", caption.DocketNumber);
    }

    [Fact]
    public void An_appellate_opinion_names_its_circuit_and_the_parties_around_the_versus()
    {
        var (_, _, caption) = Read(TestData.CourtDocument("ca1_00117684624.pdf"));

        Assert.Equal("United States Court of Appeals, For the First Circuit", caption.Court);
        Assert.Equal("CALVARY CHAPEL OF BANGOR v. JANET T. MILLS", caption.Parties);
        Assert.Equal("20-1507", caption.DocketNumber);
    }

    [Fact]
    public void Every_passage_carries_the_caption_and_the_heading_of_its_section_within_the_length()
    {
        var (_, text, caption) = Read(Path.Combine(TestData.SearchDocuments, "gov.uscourts.cacd.639877.53.0.pdf"));
        var chunker = new TextChunker(model.Model, Options.Create(new ChunkingOptions { MaxTokens = 300, OverlapTokens = 45 }));
        var context = PassageContext.Of(text, caption);

        var headers = chunker.Chunk(text).Select(context.For).ToList();

        Assert.All(headers, h => Assert.StartsWith(caption.Describe(), h, StringComparison.Ordinal));
        Assert.All(headers, h => Assert.InRange(h.Length, 1, PassageContext.MaxLength));
        Assert.Contains("OPPOSITION", caption.Title, StringComparison.Ordinal);
        Assert.True(headers.Distinct().Count() > 2, string.Join(" | ", headers.Distinct()));
    }

    [Fact]
    public void A_text_without_a_caption_has_no_header_to_invent()
    {
        var caption = DocumentCaption.Read("Notes from the call.\nWe discussed the deadline.", stampedDocket: null);

        Assert.Equal(new DocumentCaption(null, null, null, null), caption);
        Assert.Equal(string.Empty, caption.Describe());
    }
}
