using LexIntel.Shared.Citations;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Tests.Unit.Citations;

[Tier(TestTier.Unit)]
public sealed class StateReporterCitationTests
{
    private static readonly CitationExtractor Extractor = new();

    [Theory]
    [InlineData("People v. Smith, 45 Cal. 4th 1 (2008).", "45 Cal. 4th 1", 45, "Cal. 4th", "1")]
    [InlineData("Tarasoff v. Regents, 17 Cal. 3d 425 (1976).", "17 Cal. 3d 425", 17, "Cal. 3d", "425")]
    [InlineData("People v. Lopez, 5 Cal. 5th 339 (2018).", "5 Cal. 5th 339", 5, "Cal. 5th", "339")]
    [InlineData("Doe v. Roe, 45 Cal. App. 4th 1100 (1996).", "45 Cal. App. 4th 1100", 45, "Cal. App. 4th", "1100")]
    [InlineData("Doe v. Roe, 45 Cal.App.4th 1100 (1996).", "45 Cal.App.4th 1100", 45, "Cal. App. 4th", "1100")]
    [InlineData("Doe v. Roe, 10 Cal. App. 5th 200 (2017).", "10 Cal. App. 5th 200", 10, "Cal. App. 5th", "200")]
    [InlineData("Doe v. Roe, 75 Cal. Rptr. 3d 333 (Ct. App. 2008).", "75 Cal. Rptr. 3d 333", 75, "Cal. Rptr. 3d", "333")]
    [InlineData("Doe v. Roe, 75 Cal.Rptr.3d 333 (Ct. App. 2008).", "75 Cal.Rptr.3d 333", 75, "Cal. Rptr. 3d", "333")]
    [InlineData("Doe v. Roe, 50 Cal. Rptr. 2d 1 (1996).", "50 Cal. Rptr. 2d 1", 50, "Cal. Rptr. 2d", "1")]
    [InlineData("Matter of Doe, 95 N.Y.2d 1 (2000).", "95 N.Y.2d 1", 95, "N.Y.2d", "1")]
    [InlineData("Matter of Doe, 95 N.Y. 2d 1 (2000).", "95 N.Y. 2d 1", 95, "N.Y.2d", "1")]
    [InlineData("Matter of Doe, 10 N.Y.3d 500 (2008).", "10 N.Y.3d 500", 10, "N.Y.3d", "500")]
    [InlineData("Doe v. Roe, 700 N.Y.S.2d 1 (App. Div. 1999).", "700 N.Y.S.2d 1", 700, "N.Y.S.2d", "1")]
    [InlineData("Doe v. Roe, 700 N.Y.S. 2d 1 (App. Div. 1999).", "700 N.Y.S. 2d 1", 700, "N.Y.S.2d", "1")]
    [InlineData("Doe v. Roe, 50 N.Y.S.3d 100 (App. Div. 2017).", "50 N.Y.S.3d 100", 50, "N.Y.S.3d", "100")]
    [InlineData("Doe v. Roe, 100 A.D.3d 1 (2012).", "100 A.D.3d 1", 100, "A.D.3d", "1")]
    [InlineData("Doe v. Roe, 500 A.2d 1 (Pa. 1985).", "500 A.2d 1", 500, "A.2d", "1")]
    [InlineData("Doe v. Roe, 500 A. 2d 1 (Pa. 1985).", "500 A. 2d 1", 500, "A.2d", "1")]
    [InlineData("Doe v. Roe, 100 A.3d 1 (Md. 2014).", "100 A.3d 1", 100, "A.3d", "1")]
    [InlineData("Doe v. Roe, 551 P.2d 334 (Cal. 1976).", "551 P.2d 334", 551, "P.2d", "334")]
    [InlineData("Doe v. Roe, 100 P.3d 1 (Colo. 2004).", "100 P.3d 1", 100, "P.3d", "1")]
    [InlineData("Doe v. Roe, 100 P. 3d 1 (Colo. 2004).", "100 P. 3d 1", 100, "P.3d", "1")]
    [InlineData("Doe v. Roe, 500 N.E.2d 1 (Ill. 1986).", "500 N.E.2d 1", 500, "N.E.2d", "1")]
    [InlineData("Doe v. Roe, 500 N.E. 2d 1 (Ill. 1986).", "500 N.E. 2d 1", 500, "N.E.2d", "1")]
    [InlineData("Doe v. Roe, 50 N.E.3d 1 (Ind. 2016).", "50 N.E.3d 1", 50, "N.E.3d", "1")]
    [InlineData("Doe v. Roe, 700 N.W.2d 1 (Minn. 2005).", "700 N.W.2d 1", 700, "N.W.2d", "1")]
    [InlineData("Doe v. Roe, 700 N.W. 2d 1 (Minn. 2005).", "700 N.W. 2d 1", 700, "N.W.2d", "1")]
    [InlineData("Doe v. Roe, 900 S.W.2d 1 (Tex. 1995).", "900 S.W.2d 1", 900, "S.W.2d", "1")]
    [InlineData("Doe v. Roe, 300 S.W.3d 1 (Mo. 2009).", "300 S.W.3d 1", 300, "S.W.3d", "1")]
    [InlineData("Doe v. Roe, 300 S.W. 3d 1 (Mo. 2009).", "300 S.W. 3d 1", 300, "S.W.3d", "1")]
    [InlineData("Doe v. Roe, 900 So. 2d 1 (Fla. 2005).", "900 So. 2d 1", 900, "So. 2d", "1")]
    [InlineData("Doe v. Roe, 900 So.2d 1 (Fla. 2005).", "900 So.2d 1", 900, "So. 2d", "1")]
    [InlineData("Doe v. Roe, 200 So. 3d 1 (Fla. 2016).", "200 So. 3d 1", 200, "So. 3d", "1")]
    [InlineData("Doe v. Roe, 200 So.3d 1 (Fla. 2016).", "200 So.3d 1", 200, "So. 3d", "1")]
    [InlineData("Doe v. Roe, 600 S.E.2d 1 (Ga. 2004).", "600 S.E.2d 1", 600, "S.E.2d", "1")]
    [InlineData("Doe v. Roe, 600 S.E. 2d 1 (Ga. 2004).", "600 S.E. 2d 1", 600, "S.E.2d", "1")]
    [InlineData("People v. Doe, 300 Ill. App. 3d 1 (1998).", "300 Ill. App. 3d 1", 300, "Ill. App. 3d", "1")]
    [InlineData("People v. Doe, 300 Ill.App.3d 1 (1998).", "300 Ill.App.3d 1", 300, "Ill. App. 3d", "1")]
    [InlineData("People v. Doe, 200 Ill. 2d 1 (2002).", "200 Ill. 2d 1", 200, "Ill. 2d", "1")]
    [InlineData("Commonwealth v. Doe, 456 Mass. 1 (2010).", "456 Mass. 1", 456, "Mass.", "1")]
    [InlineData("Commonwealth v. Doe, 500 Pa. 1 (1982).", "500 Pa. 1", 500, "Pa.", "1")]
    [InlineData("Commonwealth v. Doe, 400 Pa. Super. 1 (1990).", "400 Pa. Super. 1", 400, "Pa. Super.", "1")]
    [InlineData("Commonwealth v. Doe, 400 Pa.Super. 1 (1990).", "400 Pa.Super. 1", 400, "Pa. Super.", "1")]
    [InlineData("State v. Doe, 200 N.C. App. 1 (2009).", "200 N.C. App. 1", 200, "N.C. App.", "1")]
    [InlineData("State v. Doe, 350 N.C. 1 (1999).", "350 N.C. 1", 350, "N.C.", "1")]
    [InlineData("State v. Doe, 200 N.J. 1 (2009).", "200 N.J. 1", 200, "N.J.", "1")]
    [InlineData("State v. Doe, 150 Wash. 2d 1 (2003).", "150 Wash. 2d 1", 150, "Wash. 2d", "1")]
    [InlineData("State v. Doe, 150 Wn.2d 1 (2003).", "150 Wn.2d 1", 150, "Wash. 2d", "1")]
    [InlineData("People v. Doe, 250 Mich. App. 1 (2002).", "250 Mich. App. 1", 250, "Mich. App.", "1")]
    [InlineData("State v. Doe, 100 Ohio St. 3d 1 (2003).", "100 Ohio St. 3d 1", 100, "Ohio St. 3d", "1")]
    [InlineData("State v. Doe, 100 Ohio St.3d 1 (2003).", "100 Ohio St.3d 1", 100, "Ohio St. 3d", "1")]
    [InlineData("State v. Doe, 350 Mo. 1 (1942).", "350 Mo. 1", 350, "Mo.", "1")]
    [InlineData("Doe v. Roe, 150 Tex. 1 (1951).", "150 Tex. 1", 150, "Tex.", "1")]
    [InlineData("State v. Doe, 250 Wis. 2d 1 (2002).", "250 Wis. 2d 1", 250, "Wis. 2d", "1")]
    [InlineData("State v. Doe, 250 Wis.2d 1 (2002).", "250 Wis.2d 1", 250, "Wis. 2d", "1")]
    [InlineData("State v. Doe, 300 Conn. 1 (2011).", "300 Conn. 1", 300, "Conn.", "1")]
    [InlineData("Doe v. Roe, 400 Md. 1 (2007).", "400 Md. 1", 400, "Md.", "1")]
    [InlineData("Doe v. Roe, 300 Ga. App. 1 (2009).", "300 Ga. App. 1", 300, "Ga. App.", "1")]
    public void State_and_regional_reporters_normalize_to_the_canonical_reporter(string text, string raw, int volume, string reporter, string page)
    {
        var found = Extractor.Extract(text);

        var citation = CitationAssert.Single(found, CitationKind.Case);
        CitationAssert.IsCase(citation, volume, reporter, page);
        CitationAssert.IsAt(text, raw, citation);
    }

    [Fact]
    public void A_state_court_parenthetical_naming_a_reporter_abbreviation_is_not_a_second_citation()
    {
        var text = "Doe v. Roe, 300 S.W.3d 1, 5 (Mo. 2009).";

        var citation = Assert.Single(Extractor.Extract(text));

        CitationAssert.IsCase(citation, 300, "S.W.3d", "1");
        Assert.Equal("5", citation.Pin);
        Assert.Equal("Mo.", citation.Court);
        Assert.Equal(2009, citation.Year);
    }
}
