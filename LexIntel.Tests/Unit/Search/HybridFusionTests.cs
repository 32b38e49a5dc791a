using LexIntel.ApiService.Search;

namespace LexIntel.Tests.Unit.Search;

/// <summary>How the two rankings' scores become one: scaled, weighted, summed.</summary>
[Tier(TestTier.Unit)]
public sealed class HybridFusionTests
{
    private static readonly SearchOptions Settings = new() { KeywordWeight = 0.8, SemanticWeight = 0.2 };

    private static readonly Guid Document = Guid.NewGuid();

    private static RankedChunk Ranked(Guid id, double score, int rank, int page = 1) => new(id, new ChunkPlace(Document, page), score, rank);

    [Fact]
    public void Keyword_scores_are_scaled_by_the_best_and_similarities_from_the_worst_to_the_best()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        List<RankedChunk> keyword = [Ranked(a, 4.5, 1), Ranked(b, 1.5, 2)];
        List<RankedChunk> semantic = [Ranked(c, 0.9, 1), Ranked(b, 0.7, 2), Ranked(a, 0.4, 3)];

        var fused = HybridFusion.Fuse(keyword, semantic, Settings).ToDictionary(f => f.Id);

        Assert.Equal(0.8, fused[a].Score, 9);
        Assert.Equal((0.8 * 1.5 / 4.5) + (0.2 * 0.3 / 0.5), fused[b].Score, 9);
        Assert.Equal(0.2, fused[c].Score, 9);
        Assert.Equal((1, 4.5, 3, 0.4), (fused[a].KeywordRank, fused[a].KeywordScore, fused[a].SemanticRank, fused[a].Similarity));
        Assert.Equal((null, null, 1, 0.9), (fused[c].KeywordRank, fused[c].KeywordScore, fused[c].SemanticRank, fused[c].Similarity));
    }

    [Fact]
    public void A_passage_holding_nearly_every_term_keeps_its_lead_over_one_the_semantic_ranking_likes_more()
    {
        // Close similarities say little; five terms held against one say much. Ranks alone cannot tell the two apart.
        var (most, fewest) = (Guid.NewGuid(), Guid.NewGuid());
        List<RankedChunk> keyword = [Ranked(most, 5.2, 1), Ranked(fewest, 1.1, 2)];
        List<RankedChunk> semantic = [Ranked(fewest, 0.81, 1), Ranked(Guid.NewGuid(), 0.805, 2), Ranked(most, 0.80, 3), Ranked(Guid.NewGuid(), 0.5, 4)];

        var ranked = HybridFusion.Rank(HybridFusion.Fuse(keyword, semantic, Settings), SearchGrouping.Passage);

        Assert.Equal(most, ranked[0].Id);
    }

    [Fact]
    public void One_ranking_alone_or_of_equal_scores_still_orders_by_its_weight()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        var semanticOnly = HybridFusion.Fuse([], [Ranked(a, 0.6, 1), Ranked(b, 0.6, 2)], Settings);
        Assert.All(semanticOnly, f => Assert.Equal(0.2, f.Score, 9));

        var keywordOnly = HybridFusion.Fuse([Ranked(a, 2, 1), Ranked(b, 1, 2)], [], Settings).ToDictionary(f => f.Id);
        Assert.Equal((0.8, 0.4), (keywordOnly[a].Score, keywordOnly[b].Score));
    }
}
