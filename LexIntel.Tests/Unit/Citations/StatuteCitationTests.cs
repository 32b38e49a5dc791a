using LexIntel.Shared.Citations;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Tests.Unit.Citations;

[Tier(TestTier.Unit)]
public sealed class StatuteCitationTests
{
    private static readonly CitationExtractor Extractor = new();

    [Theory]
    [InlineData("The claim arises under 42 U.S.C. § 1983 and state law.", "42 U.S.C. § 1983")]
    [InlineData("The claim arises under 42 U.S.C. § 1983.", "42 U.S.C. § 1983")]
    [InlineData("The claim arises under 42 U.S.C. §1983 and state law.", "42 U.S.C. §1983")]
    [InlineData("The claim arises under 42 U. S. C. § 1983 and state law.", "42 U. S. C. § 1983")]
    [InlineData("The claim arises under 42 USC 1983 and state law.", "42 USC 1983")]
    [InlineData("The claim arises under 42 USC § 1983 and state law.", "42 USC § 1983")]
    [InlineData("The claim arises under 42 U.S.C. Sec. 1983 and state law.", "42 U.S.C. Sec. 1983")]
    [InlineData("The claim arises under 42 U.S.C. section 1983 and state law.", "42 U.S.C. section 1983")]
    [InlineData("The claim arises under 42 U.S.C.A. § 1983 and state law.", "42 U.S.C.A. § 1983")]
    [InlineData("The claim arises under 42\u00a0U.S.C.\u00a0§\u00a01983 and state law.", "42\u00a0U.S.C.\u00a0§\u00a01983")]
    [InlineData("The claim arises under 42 U.S.C.\n§ 1983 and state law.", "42 U.S.C.\n§ 1983")]
    [InlineData("The claim arises under 42\nU.S.C. § 1983 and state law.", "42\nU.S.C. § 1983")]
    [InlineData("The claim arises under 42  U.S.C.  §  1983 and state law.", "42  U.S.C.  §  1983")]
    [InlineData("The claim arises under 42 U.S. Code § 1983 and state law.", "42 U.S. Code § 1983")]
    public void United_states_code_variants_normalize_alike(string text, string raw)
    {
        var statute = CitationAssert.Single(Extractor.Extract(text), CitationKind.Statute);

        Assert.Equal("42 U.S.C. § 1983", statute.Normalized);
        Assert.Equal("42", statute.Title);
        Assert.Equal("U.S.C.", statute.Reporter);
        Assert.Equal("1983", statute.Section);
        Assert.Null(statute.SectionEnd);
        CitationAssert.IsAt(text, raw, statute);
    }

    [Theory]
    [InlineData("Diversity lies under 28 U.S.C. § 1332(a)(1) here.", "28 U.S.C. § 1332(a)(1)", "28", "1332(a)(1)", "28 U.S.C. § 1332(a)(1)")]
    [InlineData("Wiretaps are governed by 18 U.S.C. § 2510 et seq.", "18 U.S.C. § 2510", "18", "2510", "18 U.S.C. § 2510")]
    [InlineData("Fraud claims arise under 15 U.S.C. § 78j(b) and the rule.", "15 U.S.C. § 78j(b)", "15", "78j(b)", "15 U.S.C. § 78j(b)")]
    [InlineData("Removal under 28 U.S.C. § 1441(b)(2) was improper.", "28 U.S.C. § 1441(b)(2)", "28", "1441(b)(2)", "28 U.S.C. § 1441(b)(2)")]
    public void United_states_code_sections_keep_their_subsections(string text, string raw, string title, string section, string normalized)
    {
        var statute = CitationAssert.Single(Extractor.Extract(text), CitationKind.Statute);

        Assert.Equal(normalized, statute.Normalized);
        Assert.Equal(title, statute.Title);
        Assert.Equal("U.S.C.", statute.Reporter);
        Assert.Equal(section, statute.Section);
        CitationAssert.IsAt(text, raw, statute);
    }

    [Theory]
    [InlineData("Jurisdiction rests on 28 U.S.C. §§ 1331\u20131332 alone.", "28 U.S.C. §§ 1331\u20131332")]
    [InlineData("Jurisdiction rests on 28 U.S.C. §§ 1331-1332 alone.", "28 U.S.C. §§ 1331-1332")]
    public void Section_ranges_keep_both_ends(string text, string raw)
    {
        var statute = CitationAssert.Single(Extractor.Extract(text), CitationKind.Statute);

        Assert.Equal("28 U.S.C. §§ 1331-1332", statute.Normalized);
        Assert.Equal("28", statute.Title);
        Assert.Equal("1331", statute.Section);
        Assert.Equal("1332", statute.SectionEnd);
        CitationAssert.IsAt(text, raw, statute);
    }

    [Theory]
    [InlineData("Rule 10b-5, 17 C.F.R. § 240.10b-5, forbids fraud.", "17 C.F.R. § 240.10b-5")]
    [InlineData("Rule 10b-5, 17 C.F.R. 240.10b-5, forbids fraud.", "17 C.F.R. 240.10b-5")]
    [InlineData("Rule 10b-5, 17 CFR 240.10b-5, forbids fraud.", "17 CFR 240.10b-5")]
    [InlineData("Rule 10b-5, 17 CFR § 240.10b-5, forbids fraud.", "17 CFR § 240.10b-5")]
    [InlineData("Rule 10b-5, 17 C. F. R. § 240.10b-5, forbids fraud.", "17 C. F. R. § 240.10b-5")]
    public void Code_of_federal_regulations_variants_normalize_alike(string text, string raw)
    {
        var regulation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Regulation);

        Assert.Equal("17 C.F.R. § 240.10b-5", regulation.Normalized);
        Assert.Equal("17", regulation.Title);
        Assert.Equal("C.F.R.", regulation.Reporter);
        Assert.Equal("240.10b-5", regulation.Section);
        CitationAssert.IsAt(text, raw, regulation);
    }

    [Theory]
    [InlineData("The definition in 29 C.F.R. § 1630.2(g) applies.", "29 C.F.R. § 1630.2(g)", "29", "1630.2(g)", "29 C.F.R. § 1630.2(g)")]
    [InlineData("Permits follow 40 C.F.R. § 52.21 closely.", "40 C.F.R. § 52.21", "40", "52.21", "40 C.F.R. § 52.21")]
    [InlineData("See 8 CFR 214.2 for visas.", "8 CFR 214.2", "8", "214.2", "8 C.F.R. § 214.2")]
    public void Regulations_carry_title_and_section(string text, string raw, string title, string section, string normalized)
    {
        var regulation = CitationAssert.Single(Extractor.Extract(text), CitationKind.Regulation);

        Assert.Equal(normalized, regulation.Normalized);
        Assert.Equal(title, regulation.Title);
        Assert.Equal("C.F.R.", regulation.Reporter);
        Assert.Equal(section, regulation.Section);
        CitationAssert.IsAt(text, raw, regulation);
    }

    [Theory]
    [InlineData("He was charged under Mo. Rev. Stat. § 566.151 last year.", "Mo. Rev. Stat. § 566.151", "Mo. Rev. Stat.", null, "566.151", "Mo. Rev. Stat. § 566.151")]
    [InlineData("Fault is apportioned by Fla. Stat. § 768.81 in tort.", "Fla. Stat. § 768.81", "Fla. Stat.", null, "768.81", "Fla. Stat. § 768.81")]
    [InlineData("The limit in Ohio Rev. Code Ann. § 2305.10 applies.", "Ohio Rev. Code Ann. § 2305.10", "Ohio Rev. Code Ann.", null, "2305.10", "Ohio Rev. Code Ann. § 2305.10")]
    [InlineData("The limit in Colo. Rev. Stat. § 13-21-111 applies.", "Colo. Rev. Stat. § 13-21-111", "Colo. Rev. Stat.", null, "13-21-111", "Colo. Rev. Stat. § 13-21-111")]
    [InlineData("The limit in Wash. Rev. Code § 4.22.070 applies.", "Wash. Rev. Code § 4.22.070", "Wash. Rev. Code", null, "4.22.070", "Wash. Rev. Code § 4.22.070")]
    [InlineData("The limit in Minn. Stat. § 604.01 applies.", "Minn. Stat. § 604.01", "Minn. Stat.", null, "604.01", "Minn. Stat. § 604.01")]
    [InlineData("The limit in Va. Code Ann. § 8.01-581.15 applies.", "Va. Code Ann. § 8.01-581.15", "Va. Code Ann.", null, "8.01-581.15", "Va. Code Ann. § 8.01-581.15")]
    [InlineData("The limit in Ga. Code Ann. § 9-3-33 applies.", "Ga. Code Ann. § 9-3-33", "Ga. Code Ann.", null, "9-3-33", "Ga. Code Ann. § 9-3-33")]
    [InlineData("The limit in Wis. Stat. § 893.80 applies.", "Wis. Stat. § 893.80", "Wis. Stat.", null, "893.80", "Wis. Stat. § 893.80")]
    [InlineData("The limit in Or. Rev. Stat. § 30.020 applies.", "Or. Rev. Stat. § 30.020", "Or. Rev. Stat.", null, "30.020", "Or. Rev. Stat. § 30.020")]
    [InlineData("Murder is defined in Cal. Penal Code § 187 broadly.", "Cal. Penal Code § 187", "Cal. Penal Code", null, "187", "Cal. Penal Code § 187")]
    [InlineData("Negligence is defined in Cal. Civ. Code § 1714 broadly.", "Cal. Civ. Code § 1714", "Cal. Civ. Code", null, "1714", "Cal. Civ. Code § 1714")]
    [InlineData("The motion under Cal. Civ. Proc. Code § 425.16 failed.", "Cal. Civ. Proc. Code § 425.16", "Cal. Civ. Proc. Code", null, "425.16", "Cal. Civ. Proc. Code § 425.16")]
    [InlineData("Punishment follows Tex. Penal Code Ann. § 12.34 here.", "Tex. Penal Code Ann. § 12.34", "Tex. Penal Code Ann.", null, "12.34", "Tex. Penal Code Ann. § 12.34")]
    [InlineData("Custody follows Tex. Fam. Code Ann. § 153.002 here.", "Tex. Fam. Code Ann. § 153.002", "Tex. Fam. Code Ann.", null, "153.002", "Tex. Fam. Code Ann. § 153.002")]
    [InlineData("Murder is defined in N.Y. Penal Law § 125.25 broadly.", "N.Y. Penal Law § 125.25", "N.Y. Penal Law", null, "125.25", "N.Y. Penal Law § 125.25")]
    [InlineData("The tribe relied on Okla. Stat. tit. 82, § 1324.10 then.", "Okla. Stat. tit. 82, § 1324.10", "Okla. Stat.", "82", "1324.10", "Okla. Stat. tit. 82, § 1324.10")]
    [InlineData("The limit in Del. Code Ann. tit. 10, § 8106 applies.", "Del. Code Ann. tit. 10, § 8106", "Del. Code Ann.", "10", "8106", "Del. Code Ann. tit. 10, § 8106")]
    [InlineData("The limit in 42 Pa. Cons. Stat. § 5524 applies.", "42 Pa. Cons. Stat. § 5524", "Pa. Cons. Stat.", "42", "5524", "42 Pa. Cons. Stat. § 5524")]
    public void State_codes_from_the_laws_table_are_statutes(string text, string raw, string reporter, string? title, string section, string normalized)
    {
        var found = Extractor.Extract(text);

        var statute = CitationAssert.Single(found, CitationKind.Statute);
        Assert.Equal(normalized, statute.Normalized);
        Assert.Equal(reporter, statute.Reporter);
        Assert.Equal(title, statute.Title);
        Assert.Equal(section, statute.Section);
        CitationAssert.IsAt(text, raw, statute);
        Assert.DoesNotContain(found, c => c.Kind == CitationKind.Case);
    }

    [Theory]
    [InlineData("The motion under Fed. R. Civ. P. 12(b)(6) was denied.", "Fed. R. Civ. P. 12(b)(6)", "Fed. R. Civ. P.", "12(b)(6)", "Fed. R. Civ. P. 12(b)(6)")]
    [InlineData("Summary judgment under Fed. R. Civ. P. 56(a) was granted.", "Fed. R. Civ. P. 56(a)", "Fed. R. Civ. P.", "56(a)", "Fed. R. Civ. P. 56(a)")]
    [InlineData("Certification under Fed. R. Civ. P. 23(b)(3) was denied.", "Fed. R. Civ. P. 23(b)(3)", "Fed. R. Civ. P.", "23(b)(3)", "Fed. R. Civ. P. 23(b)(3)")]
    [InlineData("The evidence was excluded under Fed. R. Evid. 403 as unfair.", "Fed. R. Evid. 403", "Fed. R. Evid.", "403", "Fed. R. Evid. 403")]
    [InlineData("The notice was late under Fed. R. App. P. 4(a)(1) by a day.", "Fed. R. App. P. 4(a)(1)", "Fed. R. App. P.", "4(a)(1)", "Fed. R. App. P. 4(a)(1)")]
    [InlineData("The plea colloquy under Fed. R. Crim. P. 11 was thorough.", "Fed. R. Crim. P. 11", "Fed. R. Crim. P.", "11", "Fed. R. Crim. P. 11")]
    [InlineData("Sanctions under Fed. R. Bankr. P. 9011 were imposed.", "Fed. R. Bankr. P. 9011", "Fed. R. Bankr. P.", "9011", "Fed. R. Bankr. P. 9011")]
    [InlineData("The movant relied on Federal Rule of Civil Procedure 56 alone.", "Federal Rule of Civil Procedure 56", "Fed. R. Civ. P.", "56", "Fed. R. Civ. P. 56")]
    [InlineData("Experts are screened under Federal Rule of Evidence 702 now.", "Federal Rule of Evidence 702", "Fed. R. Evid.", "702", "Fed. R. Evid. 702")]
    [InlineData("The motion under Fed.R.Civ.P. 12(b)(6) was denied.", "Fed.R.Civ.P. 12(b)(6)", "Fed. R. Civ. P.", "12(b)(6)", "Fed. R. Civ. P. 12(b)(6)")]
    public void Federal_rules_are_court_rules(string text, string raw, string reporter, string section, string normalized)
    {
        var rule = CitationAssert.Single(Extractor.Extract(text), CitationKind.CourtRule);

        Assert.Equal(normalized, rule.Normalized);
        Assert.Equal(reporter, rule.Reporter);
        Assert.Equal(section, rule.Section);
        CitationAssert.IsAt(text, raw, rule);
    }

    [Fact]
    public void A_statute_is_not_mistaken_for_a_case_in_the_united_states_reports()
    {
        var text = "Compare 42 U.S.C. § 1983 with 410 U.S. 113.";

        var found = Extractor.Extract(text);

        Assert.Collection(
            found,
            c =>
            {
                Assert.Equal(CitationKind.Statute, c.Kind);
                Assert.Equal("42 U.S.C. § 1983", c.Normalized);
            },
            c => CitationAssert.IsCase(c, 410, "U.S.", "113"));
    }

    [Fact]
    public void Several_statutes_in_one_sentence_are_each_found()
    {
        var text = "See 42 U.S.C. § 1983; 28 U.S.C. § 1331; 17 C.F.R. § 240.10b-5.";

        var found = Extractor.Extract(text);

        Assert.Collection(
            found,
            c => Assert.Equal("42 U.S.C. § 1983", c.Normalized),
            c => Assert.Equal("28 U.S.C. § 1331", c.Normalized),
            c =>
            {
                Assert.Equal(CitationKind.Regulation, c.Kind);
                Assert.Equal("17 C.F.R. § 240.10b-5", c.Normalized);
            });
    }
}
