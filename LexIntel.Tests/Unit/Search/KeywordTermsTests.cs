using LexIntel.ApiService.Search;
using LexIntel.Shared.Citations;

namespace LexIntel.Tests.Unit.Search;

[Tier(TestTier.Unit)]
public sealed class KeywordTermsTests
{
    private static readonly CitationExtractor Citations = new();

    [Fact]
    public void A_citation_is_one_phrase_and_not_loose_numbers()
    {
        var terms = KeywordTerms.Of("what did Bell Atlantic v. Twombly, 550 U. S. 544, require of a complaint", Citations);

        Assert.Equal(["550 U.S. 544"], terms.Phrases);
        Assert.DoesNotContain("550", terms.Words, StringComparison.Ordinal);
        Assert.Contains("Twombly", terms.Words, StringComparison.Ordinal);
        Assert.Contains("complaint", terms.Words, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_words_are_a_phrase_and_a_section_sign_is_spelled_out()
    {
        var terms = KeywordTerms.Of("\"equitable tolling\" under 42 U.S.C. § 1983 deadline", Citations);

        Assert.Contains("equitable tolling", terms.Phrases);
        Assert.Contains(terms.Phrases, p => p.StartsWith("42 U.S.C.", StringComparison.Ordinal) && p.Contains(" section ", StringComparison.Ordinal) && p.EndsWith("1983", StringComparison.Ordinal));
        Assert.Contains("deadline", terms.Words, StringComparison.Ordinal);
        Assert.DoesNotContain("\"", terms.Words, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_sign_and_its_number_are_one_phrase()
    {
        var terms = KeywordTerms.Of("claims under § 1983 for excessive force", Citations);

        Assert.Equal(["section 1983"], terms.Phrases.Select(p => p.Trim()).Select(p => string.Join(' ', p.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        Assert.DoesNotContain("1983", terms.Words, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minus_before_a_word_excludes_it_but_not_a_hyphen_inside_one()
    {
        var terms = KeywordTerms.Of("arbitration -waiver clause 12-cv-345", Citations);

        Assert.Equal("waiver", terms.Excluded);
        Assert.DoesNotContain("waiver", terms.Words, StringComparison.Ordinal);
        Assert.Contains("12-cv-345", terms.Words, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_without_citations_or_quotes_is_all_words()
    {
        var terms = KeywordTerms.Of("who pays the expert's fee for the deposition", Citations);

        Assert.Empty(terms.Phrases);
        Assert.Equal("who pays the expert's fee for the deposition", terms.Words);
        Assert.Empty(terms.Excluded);
    }
}
