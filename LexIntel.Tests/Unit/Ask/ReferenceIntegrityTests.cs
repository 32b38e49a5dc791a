using LexIntel.ApiService.Ask;

namespace LexIntel.Tests.Unit.Ask;

[Tier(TestTier.Unit)]
public sealed class ReferenceIntegrityTests
{
    [Theory]
    [InlineData("The plea was voluntary [1]. Counsel did not coerce her [2].", 2, "The plea was voluntary [1]. Counsel did not coerce her [2].", new[] { 1, 2 })]
    [InlineData("The plea was voluntary [7].", 3, "The plea was voluntary.", new int[0])]
    [InlineData("Both courts agreed [1, 9] and [3].", 3, "Both courts agreed [1] and [3].", new[] { 1, 3 })]
    [InlineData("See [0] and [2; 2].", 2, "See and [2].", new[] { 2 })]
    [InlineData("Nothing cited, [a] is no reference.", 2, "Nothing cited, [a] is no reference.", new int[0])]
    public void Unresolvable_references_are_removed_and_the_rest_kept_in_order(string answer, int passages, string expected, int[] cited)
    {
        var (text, numbers, _) = ReferenceIntegrity.Clean(answer, passages);

        Assert.Equal(expected, text);
        Assert.Equal(cited, numbers);
    }

    [Fact]
    public void A_streamed_answer_is_cleaned_even_when_a_reference_is_split_across_pieces()
    {
        var filter = new StreamingReferenceFilter(passages: 2);
        string[] pieces = ["The plea was voluntary [", "1", "]. It was coerced [1", "2]. See [2", ", 5] and the [", "b]ox [", "3"];

        var streamed = string.Concat(pieces.Select(filter.Push)) + filter.Flush();

        Assert.Equal("The plea was voluntary [1]. It was coerced . See [2] and the [b]ox [3", streamed);
    }
}
