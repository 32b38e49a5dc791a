using LexIntel.Shared.Citations;

namespace LexIntel.Tests.Unit.Citations;

[Tier(TestTier.Unit)]
public sealed class AnchoredMatchesTests
{
    [Fact]
    public void Every_section_mark_is_found_wherever_signs_and_words_fall_apart_and_nothing_inside_a_word()
    {
        var text = "§ 1, then insecure words, Section 2 and far on " + new string('x', 5000) + " tit. 3, §§ 4-5, sections 6, Sec. 7 §8";

        var marks = AnchoredMatches.Find(text, CitationPatterns.SectionMark(), CitationPatterns.SectionMarkStarts, '§').Select(m => (m.Index, m.Value)).ToList();

        var expected = new[] { "§", "Section", "tit", "§", "§", "sections", "Sec", "§" };
        Assert.Equal(expected, marks.Select(m => m.Value));
        Assert.Equal(text.IndexOf("Section 2", StringComparison.Ordinal), marks[1].Index);
        Assert.Equal(text.LastIndexOf('§'), marks[^1].Index);
        Assert.DoesNotContain(marks, m => m.Index == text.IndexOf("secure", StringComparison.Ordinal));
    }

    [Fact]
    public void Id_is_found_only_as_a_word_and_with_its_pin()
    {
        const string text = "Id. at 5. Valid. said. Ibid. Cf. id. at 7-8; David.";

        var ids = AnchoredMatches.Find(text, CitationPatterns.Id(), CitationPatterns.IdStarts).Select(m => m.Value).ToList();

        Assert.Equal(["Id. at 5", "Ibid.", "id. at 7-8"], ids);
    }
}
