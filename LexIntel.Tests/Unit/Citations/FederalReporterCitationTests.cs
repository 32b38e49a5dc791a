using LexIntel.Shared.Citations;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Tests.Unit.Citations;

[Tier(TestTier.Unit)]
public sealed class FederalReporterCitationTests
{
    private static readonly CitationExtractor Extractor = new();

    [Theory]
    [InlineData("Roe v. Wade, 410 U.S. 113 (1973).", "410 U.S. 113", 410, "U.S.", "113")]
    [InlineData("Roe v. Wade, 410 U. S. 113 (1973).", "410 U. S. 113", 410, "U.S.", "113")]
    [InlineData("Roe v. Wade, 410 US 113 (1973).", "410 US 113", 410, "U.S.", "113")]
    [InlineData("Miranda v. Arizona, 384 U.S. 436 (1966), controls.", "384 U.S. 436", 384, "U.S.", "436")]
    [InlineData("Roe v. Wade, 93 S. Ct. 705 (1973).", "93 S. Ct. 705", 93, "S. Ct.", "705")]
    [InlineData("Roe v. Wade, 93 S.Ct. 705 (1973).", "93 S.Ct. 705", 93, "S. Ct.", "705")]
    [InlineData("Ashcroft v. Iqbal, 129 S. Ct 1937 (2009).", "129 S. Ct 1937", 129, "S. Ct.", "1937")]
    [InlineData("Roe v. Wade, 35 L. Ed. 2d 147 (1973).", "35 L. Ed. 2d 147", 35, "L. Ed. 2d", "147")]
    [InlineData("Roe v. Wade, 35 L.Ed.2d 147 (1973).", "35 L.Ed.2d 147", 35, "L. Ed. 2d", "147")]
    [InlineData("Miranda v. Arizona, 16 L. Ed.2d 694 (1966).", "16 L. Ed.2d 694", 16, "L. Ed. 2d", "694")]
    [InlineData("Brown v. Board of Education, 98 L. Ed. 873 (1954).", "98 L. Ed. 873", 98, "L. Ed.", "873")]
    [InlineData("Smith v. Jones, 200 F. 1 (2d Cir. 1912).", "200 F. 1", 200, "F.", "1")]
    [InlineData("The rule of 159 F.2d 169 (2d Cir. 1947) is familiar.", "159 F.2d 169", 159, "F.2d", "169")]
    [InlineData("The rule of 159 F. 2d 169 (2d Cir. 1947) is familiar.", "159 F. 2d 169", 159, "F.2d", "169")]
    [InlineData("See 239 F.3d 1004 (9th Cir. 2001).", "239 F.3d 1004", 239, "F.3d", "1004")]
    [InlineData("See 239 F. 3d 1004 (9th Cir. 2001).", "239 F. 3d 1004", 239, "F.3d", "1004")]
    [InlineData("See 239 F3d 1004 (9th Cir. 2001).", "239 F3d 1004", 239, "F.3d", "1004")]
    [InlineData("See 20 F.4th 1024 (9th Cir. 2021).", "20 F.4th 1024", 20, "F.4th", "1024")]
    [InlineData("See 20 F. 4th 1024 (9th Cir. 2021).", "20 F. 4th 1024", 20, "F.4th", "1024")]
    [InlineData("Frigaliment, 190 F. Supp. 116 (S.D.N.Y. 1960).", "190 F. Supp. 116", 190, "F. Supp.", "116")]
    [InlineData("Frigaliment, 190 F.Supp. 116 (S.D.N.Y. 1960).", "190 F.Supp. 116", 190, "F. Supp.", "116")]
    [InlineData("Frigaliment, 190 F. Supp 116 (S.D.N.Y. 1960).", "190 F. Supp 116", 190, "F. Supp.", "116")]
    [InlineData("Accord 123 F. Supp. 2d 456 (D. Mass. 2000).", "123 F. Supp. 2d 456", 123, "F. Supp. 2d", "456")]
    [InlineData("Accord 123 F.Supp.2d 456 (D. Mass. 2000).", "123 F.Supp.2d 456", 123, "F. Supp. 2d", "456")]
    [InlineData("Accord 85 F. Supp. 3d 1 (D.D.C. 2015).", "85 F. Supp. 3d 1", 85, "F. Supp. 3d", "1")]
    [InlineData("Accord 85 F.Supp.3d 1 (D.D.C. 2015).", "85 F.Supp.3d 1", 85, "F. Supp. 3d", "1")]
    [InlineData("Cf. 300 F. App'x 12 (3d Cir. 2008).", "300 F. App'x 12", 300, "F. App'x", "12")]
    [InlineData("Cf. 300 Fed. Appx. 12 (3d Cir. 2008).", "300 Fed. Appx. 12", 300, "F. App'x", "12")]
    [InlineData("Cf. 300 Fed. App'x 12 (3d Cir. 2008).", "300 Fed. App'x 12", 300, "F. App'x", "12")]
    [InlineData("Cf. 300 F. App\u2019x 12 (3d Cir. 2008).", "300 F. App\u2019x 12", 300, "F. App'x", "12")]
    [InlineData("In re Smith, 350 B.R. 1 (Bankr. S.D.N.Y. 2006).", "350 B.R. 1", 350, "B.R.", "1")]
    [InlineData("In re Smith, 350 B. R. 1 (Bankr. S.D.N.Y. 2006).", "350 B. R. 1", 350, "B.R.", "1")]
    [InlineData("Zubulake v. UBS Warburg LLC, 220 F.R.D. 212 (S.D.N.Y. 2003).", "220 F.R.D. 212", 220, "F.R.D.", "212")]
    [InlineData("See 100 Fed. Cl. 1 (2011).", "100 Fed. Cl. 1", 100, "Fed. Cl.", "1")]
    [InlineData("See 100 Fed.Cl. 1 (2011).", "100 Fed.Cl. 1", 100, "Fed. Cl.", "1")]
    [InlineData("United States v. Doe, 70 M.J. 1 (C.A.A.F. 2011).", "70 M.J. 1", 70, "M.J.", "1")]
    [InlineData("See 25 Vet. App. 1 (2011).", "25 Vet. App. 1", 25, "Vet. App.", "1")]
    [InlineData("See 140 T.C. 15 (2013).", "140 T.C. 15", 140, "T.C.", "15")]
    public void Federal_reporter_variants_normalize_to_the_canonical_reporter(string text, string raw, int volume, string reporter, string page)
    {
        var found = Extractor.Extract(text);

        var citation = CitationAssert.Single(found, CitationKind.Case);
        CitationAssert.IsCase(citation, volume, reporter, page);
        CitationAssert.IsAt(text, raw, citation);
    }
}
