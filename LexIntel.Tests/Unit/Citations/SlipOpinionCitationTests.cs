using LexIntel.Shared.Citations;
using LexIntel.Shared.Data.Entities;
using LexIntel.WorkerService.Chunking;
using LexIntel.WorkerService.Extraction;

namespace LexIntel.Tests.Unit.Citations;

/// <summary>The corpus's Supreme Court slip opinion, extracted as the worker extracts it.</summary>
[Tier(TestTier.Unit)]
public sealed class SlipOpinionCitationTests
{
    private static readonly Lazy<(DocumentText Text, IReadOnlyList<FoundCitation> Citations)> Opinion = new(() =>
    {
        using var pdf = File.OpenRead(TestData.CourtDocument("vector-pdf.pdf"));
        var text = DocumentText.From(new PdfTextExtractor().Extract(pdf, CancellationToken.None).Pages);
        return (text, new CitationExtractor().Extract(text.Text));
    });

    [Theory]
    [InlineData("464 U.S. 16", 464, "U.S.", "16", "Russello v. United States", 1983, "23")]
    [InlineData("458 U.S. 141", 458, "U.S.", "141", "Fidelity Fed. Sav. & Loan Assn. v. De la Cuesta", 1982, "152-153")]
    [InlineData("458 U.S. 941", 458, "U.S.", "941", "Sporhase v. Nebraska ex rel. Douglas", 1982, "954-958")]
    [InlineData("555 U.S. 555", 555, "U.S.", "555", "Wyeth v. Levine", 2009, "565-566, n. 3")]
    [InlineData("521 U.S. 1", 521, "U.S.", "1", "United States v. Alaska", 1997, "5")]
    public void Its_united_states_reports_citations_have_their_parts(string normalized, int volume, string reporter, string page, string caseName, int year, string pin)
    {
        var citation = Opinion.Value.Citations.First(c => c.Normalized == normalized && c.Year is not null);

        Assert.Equal(CitationKind.Case, citation.Kind);
        Assert.Equal((volume, reporter, page, caseName, year, pin), (citation.Volume!.Value, citation.Reporter, citation.Page, citation.CaseName, citation.Year!.Value, citation.Pin));
        Assert.Matches(@"^\d+ U\. S\. \d+$", citation.RawText);
    }

    [Fact]
    public void Russello_is_cited_on_page_16()
    {
        var (text, citations) = Opinion.Value;

        var russello = Assert.Single(citations, c => c.Normalized == "464 U.S. 16");

        Assert.Equal(16, text.PageAt(russello.Start));
    }

    [Fact]
    public void It_finds_the_statutes_at_large_the_oklahoma_statutes_and_the_lower_court_decision()
    {
        var normalized = Opinion.Value.Citations.Select(c => c.Normalized).ToHashSet();

        Assert.Superset(
            new HashSet<string> { "94 Stat. 3305", "69 Stat. 654", "Okla. Stat. tit. 82, § 105.9", "656 F.3d 1222", "16 Pet. 367", "2010 WL 2817220" },
            normalized);
    }

    [Fact]
    public void Record_citations_and_the_running_header_are_not_authorities()
    {
        var citations = Opinion.Value.Citations;

        Assert.DoesNotContain(citations, c => c.Reporter == "Ohio App.");
        Assert.All(citations.Where(c => c.Normalized == "569 U.S. ___"), c => Assert.NotEqual(CitationKind.Id, c.Kind));
        Assert.InRange(citations.Count, 40, 80);
    }
}
