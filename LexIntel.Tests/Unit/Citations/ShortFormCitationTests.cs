using LexIntel.Shared.Citations;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Tests.Unit.Citations;

[Tier(TestTier.Unit)]
public sealed class ShortFormCitationTests
{
    private static readonly CitationExtractor Extractor = new();

    private const string Roe = "Roe v. Wade, 410 U.S. 113 (1973). ";
    private const string RoeAndCasey = "See Roe v. Wade, 410 U.S. 113 (1973); Planned Parenthood v. Casey, 505 U.S. 833 (1992). ";

    [Fact]
    public void Id_takes_the_preceding_case()
    {
        var text = Roe + "Id.";

        var found = Extractor.Extract(text);

        Assert.Collection(
            found,
            c => Assert.Equal(CitationKind.Case, c.Kind),
            c =>
            {
                Assert.Equal(CitationKind.Id, c.Kind);
                Assert.Equal("410 U.S. 113", c.Normalized);
                Assert.Null(c.Pin);
                CitationAssert.IsAt(text, "Id.", c);
            });
    }

    [Fact]
    public void Id_at_carries_the_pin_without_at()
    {
        var text = Roe + "Id. at 120.";

        var id = CitationAssert.Single(Extractor.Extract(text), CitationKind.Id);

        Assert.Equal("410 U.S. 113", id.Normalized);
        Assert.Equal("120", id.Pin);
        CitationAssert.IsAt(text, "Id. at 120", id);
    }

    [Fact]
    public void Lowercase_id_inside_a_signal_is_found()
    {
        var text = Roe + "See id. at 153.";

        var id = CitationAssert.Single(Extractor.Extract(text), CitationKind.Id);

        Assert.Equal("410 U.S. 113", id.Normalized);
        Assert.Equal("153", id.Pin);
        CitationAssert.IsAt(text, "id. at 153", id);
    }

    [Fact]
    public void Ibid_is_an_id_citation()
    {
        var text = Roe + "Ibid.";

        var id = CitationAssert.Single(Extractor.Extract(text), CitationKind.Id);

        Assert.Equal("410 U.S. 113", id.Normalized);
        Assert.Null(id.Pin);
        CitationAssert.RawTextMatchesSpan(text, id);
        Assert.Equal(text.IndexOf("Ibid.", StringComparison.Ordinal), id.Start);
    }

    [Fact]
    public void Id_pin_ranges_use_an_ascii_hyphen()
    {
        var text = Roe + "Id. at 120\u201321.";

        var id = CitationAssert.Single(Extractor.Extract(text), CitationKind.Id);

        Assert.Equal("120-21", id.Pin);
        Assert.Equal("410 U.S. 113", id.Normalized);
    }

    [Fact]
    public void Id_takes_a_preceding_statute()
    {
        var text = "The claim arises under 42 U.S.C. § 1983. Id.";

        var id = CitationAssert.Single(Extractor.Extract(text), CitationKind.Id);

        Assert.Equal("42 U.S.C. § 1983", id.Normalized);
        CitationAssert.IsAt(text, "Id.", id);
    }

    [Fact]
    public void Id_takes_a_preceding_regulation()
    {
        var text = "The rule is 17 C.F.R. § 240.10b-5. Id.";

        var id = CitationAssert.Single(Extractor.Extract(text), CitationKind.Id);

        Assert.Equal("17 C.F.R. § 240.10b-5", id.Normalized);
    }

    [Fact]
    public void Id_takes_a_preceding_court_rule()
    {
        var text = "The motion relied on Fed. R. Civ. P. 12(b)(6). Id.";

        var id = CitationAssert.Single(Extractor.Extract(text), CitationKind.Id);

        Assert.Equal("Fed. R. Civ. P. 12(b)(6)", id.Normalized);
    }

    [Fact]
    public void Chained_ids_resolve_through_each_other()
    {
        var text = Roe + "Id. at 120. Id. at 121.";

        var found = Extractor.Extract(text);

        Assert.Collection(
            found,
            c => Assert.Equal(CitationKind.Case, c.Kind),
            c =>
            {
                Assert.Equal(CitationKind.Id, c.Kind);
                Assert.Equal("410 U.S. 113", c.Normalized);
                Assert.Equal("120", c.Pin);
            },
            c =>
            {
                Assert.Equal(CitationKind.Id, c.Kind);
                Assert.Equal("410 U.S. 113", c.Normalized);
                Assert.Equal("121", c.Pin);
                CitationAssert.RawTextMatchesSpan(text, c);
            });
    }

    [Fact]
    public void Id_takes_the_most_recent_citation_not_the_first()
    {
        var text = RoeAndCasey + "Id. at 850.";

        var id = CitationAssert.Single(Extractor.Extract(text), CitationKind.Id);

        Assert.Equal("505 U.S. 833", id.Normalized);
        Assert.Equal("850", id.Pin);
    }

    [Fact]
    public void Id_with_nothing_before_it_is_reported_unresolved_with_its_pin()
    {
        var id = Assert.Single(Extractor.Extract("Id. at 5. The parties agree."));

        Assert.Equal((CitationKind.Id, "Id.", "5", true), (id.Kind, id.Normalized, id.Pin, id.Unresolved));
    }

    [Fact]
    public void Words_ending_in_id_are_not_id_citations()
    {
        var text = Roe + "The Court said. The statute was valid.";

        var citation = Assert.Single(Extractor.Extract(text));

        Assert.Equal(CitationKind.Case, citation.Kind);
    }

    [Fact]
    public void Short_case_cite_resolves_to_the_full_citation()
    {
        var text = Roe + "Later, Roe, 410 U.S. at 120, explained the trimester framework.";

        var shortCite = CitationAssert.Single(Extractor.Extract(text), CitationKind.ShortCase);

        Assert.Equal(410, shortCite.Volume);
        Assert.Equal("U.S.", shortCite.Reporter);
        Assert.Equal("113", shortCite.Page);
        Assert.Equal("120", shortCite.Pin);
        Assert.Equal("410 U.S. 113", shortCite.Normalized);
        Assert.Equal(text.IndexOf("410 U.S. at", StringComparison.Ordinal), shortCite.Start);
        CitationAssert.RawTextMatchesSpan(text, shortCite);
    }

    [Fact]
    public void Short_case_cite_with_a_variant_reporter_and_comma_before_at()
    {
        var text = Roe + "The Court reasoned, 410 U. S., at 153, that the right is broad.";

        var shortCite = CitationAssert.Single(Extractor.Extract(text), CitationKind.ShortCase);

        Assert.Equal(410, shortCite.Volume);
        Assert.Equal("U.S.", shortCite.Reporter);
        Assert.Equal("113", shortCite.Page);
        Assert.Equal("153", shortCite.Pin);
        Assert.Equal("410 U.S. 113", shortCite.Normalized);
    }

    [Fact]
    public void Short_case_cite_to_a_circuit_reporter_variant()
    {
        var text = "A&M Records, Inc. v. Napster, Inc., 239 F.3d 1004 (9th Cir. 2001). See Napster, 239 F. 3d at 1015.";

        var shortCite = CitationAssert.Single(Extractor.Extract(text), CitationKind.ShortCase);

        Assert.Equal("F.3d", shortCite.Reporter);
        Assert.Equal("1004", shortCite.Page);
        Assert.Equal("1015", shortCite.Pin);
        Assert.Equal("239 F.3d 1004", shortCite.Normalized);
    }

    [Fact]
    public void Short_case_cite_picks_the_full_citation_with_the_same_volume()
    {
        var text = RoeAndCasey + "Casey, 505 U.S. at 846\u201347.";

        var shortCite = CitationAssert.Single(Extractor.Extract(text), CitationKind.ShortCase);

        Assert.Equal("505 U.S. 833", shortCite.Normalized);
        Assert.Equal("833", shortCite.Page);
        Assert.Equal("846-47", shortCite.Pin);
    }

    [Fact]
    public void Short_case_cite_without_a_matching_full_citation_is_reported_unresolved_under_its_volume_and_reporter()
    {
        var text = Roe + "But see 505 U.S. at 850.";

        var found = Extractor.Extract(text);

        Assert.Equal(2, found.Count);
        CitationAssert.IsCase(found[0], 410, "U.S.", "113");
        Assert.False(found[0].Unresolved);
        Assert.Equal((CitationKind.ShortCase, "505 U.S.", 505, "U.S.", null, "850", true), (found[1].Kind, found[1].Normalized, found[1].Volume, found[1].Reporter, found[1].Page, found[1].Pin, found[1].Unresolved));
    }

    [Fact]
    public void Short_case_cite_alone_is_reported_unresolved()
    {
        var shortCite = Assert.Single(Extractor.Extract("Roe, 410 U.S. at 120, is often quoted."));

        Assert.Equal((CitationKind.ShortCase, "410 U.S.", "120", true), (shortCite.Kind, shortCite.Normalized, shortCite.Pin, shortCite.Unresolved));
    }

    [Fact]
    public void Supra_with_a_pin_resolves_by_case_name()
    {
        var text = Roe + "As noted in Roe, supra, at 120, the interest grows.";

        var supra = CitationAssert.Single(Extractor.Extract(text), CitationKind.Supra);

        Assert.Equal("410 U.S. 113", supra.Normalized);
        Assert.Equal("120", supra.Pin);
        Assert.Contains("supra", supra.RawText, StringComparison.Ordinal);
        CitationAssert.RawTextMatchesSpan(text, supra);
    }

    [Fact]
    public void Supra_without_a_pin_has_no_pin()
    {
        var text = Roe + "See Roe, supra.";

        var supra = CitationAssert.Single(Extractor.Extract(text), CitationKind.Supra);

        Assert.Equal("410 U.S. 113", supra.Normalized);
        Assert.Null(supra.Pin);
    }

    [Fact]
    public void Supra_picks_the_case_whose_name_matches_not_the_latest()
    {
        var text = RoeAndCasey + "Roe, supra, at 153.";

        var supra = CitationAssert.Single(Extractor.Extract(text), CitationKind.Supra);

        Assert.Equal("410 U.S. 113", supra.Normalized);
        Assert.Equal("153", supra.Pin);
    }

    [Fact]
    public void Supra_to_a_party_never_cited_is_reported_unresolved_by_its_name()
    {
        var text = Roe + "Smith, supra, at 4.";

        var found = Extractor.Extract(text);

        Assert.Equal(2, found.Count);
        Assert.Equal((CitationKind.Supra, "Smith, supra", "Smith", "4", true), (found[1].Kind, found[1].Normalized, found[1].CaseName, found[1].Pin, found[1].Unresolved));
    }

    [Theory]
    [InlineData("As shown in Part II.A, supra, the claim fails.")]
    [InlineData("See Section III, supra.")]
    public void A_supra_to_a_part_of_the_brief_is_not_a_citation(string text)
    {
        Assert.Empty(Extractor.Extract(text));
    }

    [Fact]
    public void Id_after_a_short_case_cite_takes_its_resolved_citation()
    {
        var text = Roe + "Roe, 410 U.S. at 120. Id. at 121.";

        var id = CitationAssert.Single(Extractor.Extract(text), CitationKind.Id);

        Assert.Equal("410 U.S. 113", id.Normalized);
        Assert.Equal("121", id.Pin);
    }

    [Fact]
    public void Id_after_supra_takes_its_resolved_citation()
    {
        var text = RoeAndCasey + "Casey, supra, at 850. Id. at 851.";

        var id = CitationAssert.Single(Extractor.Extract(text), CitationKind.Id);

        Assert.Equal("505 U.S. 833", id.Normalized);
        Assert.Equal("851", id.Pin);
    }

    [Fact]
    public void Id_with_a_section_cites_another_section_of_the_same_code()
    {
        const string text = "Appeals lie from final decisions. 28 U.S.C. § 1291. Also from injunctions. Id. § 1292(a)(1).";

        var id = CitationAssert.Single(Extractor.Extract(text), CitationKind.Id);

        Assert.Equal(("28 U.S.C. § 1292(a)(1)", "1292(a)(1)", "28", "U.S.C."), (id.Normalized, id.Section, id.Title, id.Reporter));
        Assert.Equal("Id. § 1292(a)(1)", id.RawText);
    }
}
