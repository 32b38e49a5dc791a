using LexIntel.Shared.Citations;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Tests.Unit.Citations;

[Tier(TestTier.Unit)]
public sealed class PdfTextCitationTests
{
    private static readonly CitationExtractor Extractor = new();

    [Theory]
    [InlineData("Roe v. Wade, 410 U.S.\n113 (1973).", "410 U.S.\n113")]
    [InlineData("Roe v. Wade, 410 U.S.\r\n113 (1973).", "410 U.S.\r\n113")]
    [InlineData("Roe v. Wade, 410\nU.S. 113 (1973).", "410\nU.S. 113")]
    [InlineData("Roe v. Wade, 410  U.S.  113 (1973).", "410  U.S.  113")]
    [InlineData("Roe v. Wade, 410\u00a0U.S.\u00a0113 (1973).", "410\u00a0U.S.\u00a0113")]
    [InlineData("Roe v. Wade, 410 U.\u00a0S. 113 (1973).", "410 U.\u00a0S. 113")]
    public void Broken_whitespace_inside_a_case_citation_still_normalizes(string text, string raw)
    {
        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        CitationAssert.IsCase(citation, 410, "U.S.", "113");
        CitationAssert.IsAt(text, raw, citation);
        Assert.Equal(1973, citation.Year);
        Assert.Equal("Roe v. Wade", citation.CaseName);
    }

    [Fact]
    public void A_line_break_inside_a_multi_word_reporter_is_tolerated()
    {
        var text = "Smith v. Jones, 123 F. Supp.\n2d 456 (D. Mass. 2000).";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        CitationAssert.IsCase(citation, 123, "F. Supp. 2d", "456");
        CitationAssert.IsAt(text, "123 F. Supp.\n2d 456", citation);
    }

    [Fact]
    public void A_hyphenated_line_break_inside_a_case_name_is_joined()
    {
        var text = "Mis-\nsouri v. Jenkins, 515 U.S. 70 (1995).";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        CitationAssert.IsCase(citation, 515, "U.S.", "70");
        Assert.Equal("Missouri v. Jenkins", citation.CaseName);
        Assert.Equal(0, citation.FullStart);
        Assert.Equal(1995, citation.Year);
    }

    [Fact]
    public void A_plain_line_break_inside_a_case_name_becomes_a_space()
    {
        var text = "Roe v.\nWade, 410 U.S. 113 (1973).";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        Assert.Equal("Roe v. Wade", citation.CaseName);
        Assert.Equal(0, citation.FullStart);
    }

    [Fact]
    public void A_footnote_asterisk_after_the_citation_does_not_break_it()
    {
        var text = "Roe v. Wade, 410 U.S. 113, 153 (1973).* The right is not absolute.";

        var citation = Assert.Single(Extractor.Extract(text));

        CitationAssert.IsCase(citation, 410, "U.S.", "113");
        Assert.Equal("153", citation.Pin);
        Assert.Equal(1973, citation.Year);
        Assert.Equal("Roe v. Wade", citation.CaseName);
    }

    [Fact]
    public void A_star_page_marker_before_a_case_name_is_not_part_of_it()
    {
        var text = "The Court revisited the question. *124 Planned Parenthood v. Casey, 505 U.S. 833 (1992).";

        var citation = Assert.Single(Extractor.Extract(text));

        CitationAssert.IsCase(citation, 505, "U.S.", "833");
        Assert.Equal("Planned Parenthood v. Casey", citation.CaseName);
        Assert.Equal(text.IndexOf("Planned", StringComparison.Ordinal), citation.FullStart);
        Assert.Equal(1992, citation.Year);
    }

    [Fact]
    public void A_star_page_marker_between_a_citation_and_id_is_skipped()
    {
        var text = "Roe v. Wade, 410 U.S. 113 (1973). *114 Id. at 120.";

        var found = Extractor.Extract(text);

        Assert.Collection(
            found,
            c => CitationAssert.IsCase(c, 410, "U.S.", "113"),
            c =>
            {
                Assert.Equal(CitationKind.Id, c.Kind);
                Assert.Equal("410 U.S. 113", c.Normalized);
                Assert.Equal("120", c.Pin);
            });
    }

    [Fact]
    public void Results_are_sorted_by_position_across_kinds()
    {
        var text = "Under 42 U.S.C. § 1983, as read in Roe v. Wade, 410 U.S. 113 (1973), and Fed. R. Civ. P. 56, see 95 Harv. L. Rev. 1.";

        var found = Extractor.Extract(text);

        Assert.Collection(
            found,
            c => Assert.Equal(CitationKind.Statute, c.Kind),
            c => Assert.Equal(CitationKind.Case, c.Kind),
            c => Assert.Equal(CitationKind.CourtRule, c.Kind),
            c => Assert.Equal(CitationKind.Journal, c.Kind));
        for (var i = 1; i < found.Count; i++)
        {
            Assert.True(found[i - 1].End <= found[i].Start);
        }
        Assert.All(found, c => CitationAssert.RawTextMatchesSpan(text, c));
    }

    [Theory]
    [InlineData("In 1990 Congress passed 200 laws.")]
    [InlineData("Please call 555 1234 before noon.")]
    [InlineData("The hearing was held on 12 May 2010.")]
    [InlineData("Chapter 11 of the book covers remedies.")]
    [InlineData("The invoice lists 410 units at 113 dollars each.")]
    [InlineData("Section 5 of the lease requires 30 days notice.")]
    [InlineData("Paragraph 12(b)(6) of the contract is void.")]
    [InlineData("Table 4 shows 17 claims and 240 exhibits.")]
    [InlineData("The F.3d volumes sit on the third shelf.")]
    [InlineData("The U.S.C. is long and 2000 pages thick.")]
    [InlineData("")]
    public void Prose_with_numbers_and_no_reporter_yields_nothing(string text)
    {
        Assert.Empty(Extractor.Extract(text));
    }

    [Fact]
    public void A_line_break_inside_the_parenthetical_keeps_court_and_year()
    {
        const string text = "Smith v. Jones, 123 F. Supp. 2d 456, 460 (D.\nMass. 2000).";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        Assert.Equal(("D. Mass.", 2000, "460"), (citation.Court, citation.Year!.Value, citation.Pin));
        Assert.Equal(text.IndexOf(')', StringComparison.Ordinal) + 1, citation.FullEnd);
    }
}
