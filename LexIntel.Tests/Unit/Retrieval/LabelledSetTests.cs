using LexIntel.Tests.Harness.Retrieval;

namespace LexIntel.Tests.Unit.Retrieval;

/// <summary>How the labelled set scores a hit in a copy of the labelled document (the same text filed twice).</summary>
[Tier(TestTier.Unit)]
public sealed class LabelledSetTests
{
    private static readonly LabelledQuery OnPageFive = new("standing to sue", "brief.pdf", [5], LabelledQuery.Question);

    private static readonly LabelledSet WithCopy = new(
        [OnPageFive],
        ["brief.pdf", "brief-refiled.pdf", "other.pdf"],
        new HashSet<string>(),
        new Dictionary<string, string> { ["brief.pdf"] = "brief.pdf", ["brief-refiled.pdf"] = "brief.pdf" });

    [Fact]
    public void The_page_in_a_copy_answers_as_the_page_in_the_document()
    {
        Assert.Equal(1, WithCopy.Score(OnPageFive, [("brief-refiled.pdf", 5, 5)]).Ndcg10, 9);
    }

    [Fact]
    public void Another_page_of_the_copy_or_another_document_does_not()
    {
        var score = WithCopy.Score(OnPageFive, [("brief-refiled.pdf", 4, 4), ("other.pdf", 5, 5)]);

        Assert.Equal(0, score.Recall10);
        Assert.Equal(0, score.Ndcg10);
    }
}
