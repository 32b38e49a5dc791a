using LexIntel.Shared.Citations;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Tests.Unit.Citations;

[Tier(TestTier.Unit)]
public sealed class CaseCitationPartsTests
{
    private static readonly CitationExtractor Extractor = new();

    [Theory]
    [InlineData("Roe v. Wade, 410 U.S. 113, 120 (1973).", "410 U.S. 113", "120")]
    [InlineData("Roe v. Wade, 410 U.S. 113, 120-121 (1973).", "410 U.S. 113", "120-121")]
    [InlineData("Roe v. Wade, 410 U.S. 113, 120\u201321 (1973).", "410 U.S. 113", "120-21")]
    [InlineData("Napster, 239 F.3d 1004, 1015 (9th Cir. 2001).", "239 F.3d 1004", "1015")]
    [InlineData("Carroll Towing, 159 F.2d 169, 173 (2d Cir. 1947).", "159 F.2d 169", "173")]
    [InlineData("See 410 U.S. 113, 153.", "410 U.S. 113", "153")]
    [InlineData("Roe v. Wade, 410 U.S. 113 (1973).", "410 U.S. 113", null)]
    public void Pin_cites_are_kept_apart_from_the_citation_text(string text, string raw, string? pin)
    {
        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        Assert.Equal(pin, citation.Pin);
        CitationAssert.IsAt(text, raw, citation);
    }

    [Theory]
    [InlineData("Smith v. Jones, 239 F.3d 1004 (9th Cir. 2001).", "9th Cir.", 2001)]
    [InlineData("Smith v. Jones, 85 F. Supp. 3d 1 (D. Mass. 2015).", "D. Mass.", 2015)]
    [InlineData("Smith v. Jones, 190 F. Supp. 116 (S.D.N.Y. 1960).", "S.D.N.Y.", 1960)]
    [InlineData("Smith v. Jones, 159 F.2d 169, 173 (2d Cir. 1947).", "2d Cir.", 1947)]
    [InlineData("Roe v. Wade, 410 U.S. 113 (1973).", null, 1973)]
    [InlineData("In re Smith, 350 B.R. 1 (Bankr. S.D.N.Y. 2006).", "Bankr. S.D.N.Y.", 2006)]
    [InlineData("Doe v. Roe, 75 Cal. Rptr. 3d 333 (Cal. Ct. App. 2008).", "Cal. Ct. App.", 2008)]
    [InlineData("Doe v. Roe, 900 S.W.2d 1 (Tex. 1995).", "Tex.", 1995)]
    [InlineData("Smith v. Jones, 300 F. App'x 12 (3d Cir. 2008).", "3d Cir.", 2008)]
    [InlineData("Smith v. Jones, 12 F.4th 100 (Fed. Cir. 2021).", "Fed. Cir.", 2021)]
    [InlineData("Smith v. Jones, 300 F.3d 1 (D.C. Cir. 2002).", "D.C. Cir.", 2002)]
    public void The_parenthetical_gives_court_and_year(string text, string? court, int year)
    {
        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        Assert.Equal(court, citation.Court);
        Assert.Equal(year, citation.Year);
    }

    [Theory]
    [InlineData("See")]
    [InlineData("See also")]
    [InlineData("Cf.")]
    [InlineData("But see")]
    [InlineData("E.g.,")]
    [InlineData("Accord")]
    public void Leading_signals_are_not_part_of_the_case_name(string signal)
    {
        var text = signal + " Roe v. Wade, 410 U.S. 113 (1973).";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        Assert.Equal("Roe v. Wade", citation.CaseName);
        Assert.Equal(text.IndexOf("Roe", StringComparison.Ordinal), citation.FullStart);
    }

    [Fact]
    public void Full_span_runs_from_the_case_name_to_the_closing_parenthesis()
    {
        var text = "Roe v. Wade, 410 U.S. 113, 120 (1973), recognized the right.";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        CitationAssert.IsCase(citation, 410, "U.S.", "113");
        CitationAssert.IsAt(text, "410 U.S. 113", citation);
        Assert.Equal("Roe v. Wade", citation.CaseName);
        Assert.Equal("120", citation.Pin);
        Assert.Equal(1973, citation.Year);
        Assert.Equal(0, citation.FullStart);
        Assert.Equal(text.IndexOf("1973)", StringComparison.Ordinal) + "1973)".Length, citation.FullEnd);
    }

    [Fact]
    public void Without_a_parenthetical_the_full_span_ends_at_the_pin()
    {
        var text = "Roe v. Wade, 410 U.S. 113, 120. The Court went on.";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        Assert.Equal("120", citation.Pin);
        Assert.Null(citation.Year);
        Assert.Equal(0, citation.FullStart);
        Assert.Equal(text.IndexOf("120.", StringComparison.Ordinal) + 3, citation.FullEnd);
    }

    [Fact]
    public void Without_name_pin_or_parenthetical_the_full_span_is_the_citation()
    {
        var text = "The holding appears at 410 U.S. 113.";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        Assert.Null(citation.CaseName);
        Assert.Null(citation.Pin);
        Assert.Equal(citation.Start, citation.FullStart);
        Assert.Equal(citation.End, citation.FullEnd);
        CitationAssert.IsAt(text, "410 U.S. 113", citation);
    }

    [Fact]
    public void In_re_names_are_case_names()
    {
        var text = "In re Smith, 350 B.R. 1 (Bankr. S.D.N.Y. 2006).";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        Assert.Equal("In re Smith", citation.CaseName);
        Assert.Equal(0, citation.FullStart);
        Assert.Equal(text.Length - 1, citation.FullEnd);
    }

    [Fact]
    public void Ex_parte_names_are_case_names()
    {
        var text = "See Ex parte Young, 209 U.S. 123 (1908).";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        CitationAssert.IsCase(citation, 209, "U.S.", "123");
        Assert.Equal("Ex parte Young", citation.CaseName);
        Assert.Equal(1908, citation.Year);
    }

    [Fact]
    public void A_case_name_may_contain_lowercase_joining_words()
    {
        var text = "Brown v. Board of Education, 347 U.S. 483 (1954).";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        CitationAssert.IsCase(citation, 347, "U.S.", "483");
        Assert.Equal("Brown v. Board of Education", citation.CaseName);
    }

    [Fact]
    public void A_case_name_may_contain_abbreviations_with_periods()
    {
        var text = "United States v. Carroll Towing Co., 159 F.2d 169, 173 (2d Cir. 1947).";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        CitationAssert.IsCase(citation, 159, "F.2d", "169");
        Assert.Equal("United States v. Carroll Towing Co.", citation.CaseName);
        Assert.Equal("173", citation.Pin);
        Assert.Equal("2d Cir.", citation.Court);
        Assert.Equal(1947, citation.Year);
    }

    [Fact]
    public void A_case_name_may_contain_commas_before_corporate_suffixes()
    {
        var text = "A&M Records, Inc. v. Napster, Inc., 239 F.3d 1004 (9th Cir. 2001).";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        CitationAssert.IsCase(citation, 239, "F.3d", "1004");
        Assert.Equal("A&M Records, Inc. v. Napster, Inc.", citation.CaseName);
        Assert.Equal(0, citation.FullStart);
    }

    [Fact]
    public void A_case_name_after_lowercase_prose_starts_at_the_first_party()
    {
        var text = "The court relied on Roe v. Wade, 410 U.S. 113 (1973).";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        Assert.Equal("Roe v. Wade", citation.CaseName);
        Assert.Equal(text.IndexOf("Roe", StringComparison.Ordinal), citation.FullStart);
    }

    [Fact]
    public void Commonwealth_cases_keep_their_name()
    {
        var text = "Commonwealth v. Doe, 456 Mass. 1, 7 (2010).";

        var citation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Case);

        CitationAssert.IsCase(citation, 456, "Mass.", "1");
        Assert.Equal("Commonwealth v. Doe", citation.CaseName);
        Assert.Equal("7", citation.Pin);
        Assert.Equal(2010, citation.Year);
    }

    [Fact]
    public void Supreme_court_parallel_citations_point_at_the_first()
    {
        var text = "Roe v. Wade, 410 U.S. 113, 93 S. Ct. 705, 35 L. Ed. 2d 147 (1973).";

        var found = Extractor.Extract(text);

        Assert.Collection(
            found,
            c =>
            {
                CitationAssert.IsCase(c, 410, "U.S.", "113");
                CitationAssert.IsAt(text, "410 U.S. 113", c);
                Assert.Null(c.ParallelTo);
                Assert.Equal(1973, c.Year);
                Assert.Equal("Roe v. Wade", c.CaseName);
            },
            c =>
            {
                CitationAssert.IsCase(c, 93, "S. Ct.", "705");
                CitationAssert.IsAt(text, "93 S. Ct. 705", c);
                Assert.Equal("410 U.S. 113", c.ParallelTo);
                Assert.Equal(1973, c.Year);
                Assert.Equal("Roe v. Wade", c.CaseName);
            },
            c =>
            {
                CitationAssert.IsCase(c, 35, "L. Ed. 2d", "147");
                CitationAssert.IsAt(text, "35 L. Ed. 2d 147", c);
                Assert.Equal("410 U.S. 113", c.ParallelTo);
                Assert.Equal(1973, c.Year);
                Assert.Equal("Roe v. Wade", c.CaseName);
            });
    }

    [Fact]
    public void State_parallel_citations_share_name_and_year()
    {
        var text = "Tarasoff v. Regents of University of California, 17 Cal. 3d 425, 551 P.2d 334, 131 Cal. Rptr. 14 (1976).";

        var found = Extractor.Extract(text);

        Assert.Collection(
            found,
            c =>
            {
                CitationAssert.IsCase(c, 17, "Cal. 3d", "425");
                Assert.Null(c.ParallelTo);
            },
            c =>
            {
                CitationAssert.IsCase(c, 551, "P.2d", "334");
                Assert.Equal("17 Cal. 3d 425", c.ParallelTo);
            },
            c =>
            {
                CitationAssert.IsCase(c, 131, "Cal. Rptr.", "14");
                Assert.Equal("17 Cal. 3d 425", c.ParallelTo);
            });
        Assert.All(found, c =>
        {
            Assert.Equal(1976, c.Year);
            Assert.Equal("Tarasoff v. Regents of University of California", c.CaseName);
        });
    }

    [Fact]
    public void Two_part_parallel_citation_with_a_railroad_party()
    {
        var text = "Palsgraf v. Long Island R.R. Co., 248 N.Y. 339, 162 N.E. 99 (1928).";

        var found = Extractor.Extract(text);

        Assert.Collection(
            found,
            c =>
            {
                CitationAssert.IsCase(c, 248, "N.Y.", "339");
                Assert.Null(c.ParallelTo);
            },
            c =>
            {
                CitationAssert.IsCase(c, 162, "N.E.", "99");
                Assert.Equal("248 N.Y. 339", c.ParallelTo);
            });
        Assert.All(found, c =>
        {
            Assert.Equal(1928, c.Year);
            Assert.Equal("Palsgraf v. Long Island R.R. Co.", c.CaseName);
        });
    }

    [Fact]
    public void A_pin_on_the_first_parallel_stays_with_the_first()
    {
        var text = "Miranda v. Arizona, 384 U.S. 436, 444, 86 S. Ct. 1602, 16 L. Ed. 2d 694 (1966).";

        var found = Extractor.Extract(text);

        Assert.Collection(
            found,
            c =>
            {
                CitationAssert.IsCase(c, 384, "U.S.", "436");
                Assert.Equal("444", c.Pin);
                Assert.Null(c.ParallelTo);
            },
            c =>
            {
                CitationAssert.IsCase(c, 86, "S. Ct.", "1602");
                Assert.Equal("384 U.S. 436", c.ParallelTo);
            },
            c =>
            {
                CitationAssert.IsCase(c, 16, "L. Ed. 2d", "694");
                Assert.Equal("384 U.S. 436", c.ParallelTo);
            });
        Assert.All(found, c => Assert.Equal(1966, c.Year));
    }

    [Fact]
    public void Citations_separated_by_a_semicolon_are_not_parallel()
    {
        var text = "See Roe v. Wade, 410 U.S. 113 (1973); Planned Parenthood v. Casey, 505 U.S. 833 (1992).";

        var found = Extractor.Extract(text);

        Assert.Collection(
            found,
            c =>
            {
                CitationAssert.IsCase(c, 410, "U.S.", "113");
                Assert.Equal("Roe v. Wade", c.CaseName);
                Assert.Equal(1973, c.Year);
                Assert.Null(c.ParallelTo);
            },
            c =>
            {
                CitationAssert.IsCase(c, 505, "U.S.", "833");
                Assert.Equal("Planned Parenthood v. Casey", c.CaseName);
                Assert.Equal(1992, c.Year);
                Assert.Null(c.ParallelTo);
            });
    }

    [Fact]
    public void Citations_with_their_own_parentheticals_are_not_parallel()
    {
        var text = "Smith v. Jones, 239 F.3d 1004 (9th Cir. 2001), aff'd, 535 U.S. 1 (2002).";

        var found = Extractor.Extract(text);

        Assert.Collection(
            found,
            c =>
            {
                CitationAssert.IsCase(c, 239, "F.3d", "1004");
                Assert.Equal("9th Cir.", c.Court);
                Assert.Equal(2001, c.Year);
            },
            c =>
            {
                CitationAssert.IsCase(c, 535, "U.S.", "1");
                Assert.Null(c.ParallelTo);
                Assert.Null(c.Court);
                Assert.Equal(2002, c.Year);
            });
    }
}
