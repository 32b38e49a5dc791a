using LexIntel.Tests.Harness.Retrieval;

namespace LexIntel.Tests.Unit.Retrieval;

/// <summary>The retrieval benchmark's measure, on lists whose scores can be worked out by hand.</summary>
[Tier(TestTier.Unit)]
public sealed class QueryScoreTests
{
    private static readonly LabelledQuery TwoPages = new("plea voluntary", "missouri.pdf", [3, 4], LabelledQuery.Keyword);

    [Fact]
    public void Both_labelled_pages_at_the_top_is_perfect()
    {
        var score = QueryScore.Of(TwoPages, [("missouri.pdf", 3, 3), ("missouri.pdf", 4, 4), ("other.pdf", 3, 3)]);

        Assert.Equal(1, score.Recall5);
        Assert.Equal(1, score.Recall10);
        Assert.Equal(1, score.Ndcg10, 9);
    }

    [Fact]
    public void A_passage_running_across_both_labelled_pages_at_the_top_is_perfect()
    {
        var score = QueryScore.Of(TwoPages, [("missouri.pdf", 3, 4), ("missouri.pdf", 4, 4)]);

        Assert.Equal(1, score.Recall10);
        Assert.Equal(1, score.Ndcg10, 9);
    }

    [Fact]
    public void A_page_found_twice_counts_once_and_the_wrong_document_not_at_all()
    {
        var score = QueryScore.Of(TwoPages, [("other.pdf", 3, 3), ("missouri.pdf", 3, 3), ("missouri.pdf", 3, 3), ("missouri.pdf", 1, 2)]);

        Assert.Equal(0.5, score.Recall10);
        Assert.Equal((1 / Math.Log2(3)) / (1 + (1 / Math.Log2(3))), score.Ndcg10, 9);
    }

    [Fact]
    public void Pages_found_only_after_rank_five_count_for_recall_at_ten_only_and_stand_where_their_passage_does()
    {
        var hits = Enumerable.Repeat(("other.pdf", 1, 1), 6).Append(("missouri.pdf", 2, 4)).ToList();

        var score = QueryScore.Of(TwoPages, hits);

        Assert.Equal(0, score.Recall5);
        Assert.Equal(1, score.Recall10);
        Assert.Equal(((1 / Math.Log2(8)) + (1 / Math.Log2(9))) / (1 + (1 / Math.Log2(3))), score.Ndcg10, 9);
    }
}
