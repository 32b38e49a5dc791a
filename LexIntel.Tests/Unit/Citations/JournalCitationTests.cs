using System.Globalization;
using LexIntel.Shared.Citations;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Tests.Unit.Citations;

[Tier(TestTier.Unit)]
public sealed class JournalCitationTests
{
    private static readonly CitationExtractor Extractor = new();

    [Theory]
    [InlineData("See 95 Harv. L. Rev. 1 (1981).", "95 Harv. L. Rev. 1", 95, "Harv. L. Rev.", "1")]
    [InlineData("See 100 Yale L.J. 2201 (1991).", "100 Yale L.J. 2201", 100, "Yale L.J.", "2201")]
    [InlineData("See 110 Colum. L. Rev. 1 (2010).", "110 Colum. L. Rev. 1", 110, "Colum. L. Rev.", "1")]
    [InlineData("See 60 Stan. L. Rev. 1081 (2008).", "60 Stan. L. Rev. 1081", 60, "Stan. L. Rev.", "1081")]
    [InlineData("See 75 U. Chi. L. Rev. 1 (2008).", "75 U. Chi. L. Rev. 1", 75, "U. Chi. L. Rev.", "1")]
    [InlineData("See 105 Mich. L. Rev. 1 (2006).", "105 Mich. L. Rev. 1", 105, "Mich. L. Rev.", "1")]
    [InlineData("See 95 Cal. L. Rev. 1 (2007).", "95 Cal. L. Rev. 1", 95, "Cal. L. Rev.", "1")]
    [InlineData("See 93 Va. L. Rev. 1 (2007).", "93 Va. L. Rev. 1", 93, "Va. L. Rev.", "1")]
    [InlineData("See 96 Geo. L.J. 1 (2007).", "96 Geo. L.J. 1", 96, "Geo. L.J.", "1")]
    [InlineData("See 83 N.Y.U. L. Rev. 1 (2008).", "83 N.Y.U. L. Rev. 1", 83, "N.Y.U. L. Rev.", "1")]
    [InlineData("See 155 U. Pa. L. Rev. 1 (2006).", "155 U. Pa. L. Rev. 1", 155, "U. Pa. L. Rev.", "1")]
    [InlineData("See 86 Tex. L. Rev. 1 (2007).", "86 Tex. L. Rev. 1", 86, "Tex. L. Rev.", "1")]
    [InlineData("See 57 Duke L.J. 1 (2007).", "57 Duke L.J. 1", 57, "Duke L.J.", "1")]
    public void Law_reviews_are_journal_citations(string text, string raw, int volume, string journal, string page)
    {
        var found = Extractor.Extract(text);

        var citation = CitationAssert.Single(found, CitationKind.Journal);
        Assert.Equal(volume, citation.Volume);
        Assert.Equal(journal, citation.Reporter);
        Assert.Equal(page, citation.Page);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{volume} {journal} {page}"), citation.Normalized);
        CitationAssert.IsAt(text, raw, citation);
        Assert.DoesNotContain(found, c => c.Kind == CitationKind.Case);
    }

    [Fact]
    public void A_journal_citation_has_pin_and_year()
    {
        var text = "Samuel D. Warren & Louis D. Brandeis, The Right to Privacy, 4 Harv. L. Rev. 193, 195 (1890).";

        var citation = Assert.Single(Extractor.Extract(text));

        Assert.Equal(CitationKind.Journal, citation.Kind);
        Assert.Equal(4, citation.Volume);
        Assert.Equal("Harv. L. Rev.", citation.Reporter);
        Assert.Equal("193", citation.Page);
        Assert.Equal("195", citation.Pin);
        Assert.Equal(1890, citation.Year);
        Assert.Equal("4 Harv. L. Rev. 193", citation.Normalized);
        CitationAssert.IsAt(text, "4 Harv. L. Rev. 193", citation);
    }

    [Fact]
    public void A_journal_pin_range_uses_an_ascii_hyphen()
    {
        var text = "See Note, 110 Colum. L. Rev. 1, 12\u201314 (2010).";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Journal);

        Assert.Equal("12-14", citation.Pin);
        Assert.Equal(2010, citation.Year);
        Assert.Equal("110 Colum. L. Rev. 1", citation.Normalized);
    }

    [Fact]
    public void A_journal_and_a_case_in_one_sentence_keep_their_kinds()
    {
        var text = "See Roe v. Wade, 410 U.S. 113 (1973); 95 Harv. L. Rev. 1 (1981).";

        var found = Extractor.Extract(text);

        Assert.Collection(
            found,
            c => CitationAssert.IsCase(c, 410, "U.S.", "113"),
            c =>
            {
                Assert.Equal(CitationKind.Journal, c.Kind);
                Assert.Equal("95 Harv. L. Rev. 1", c.Normalized);
                Assert.Null(c.ParallelTo);
            });
    }
}
