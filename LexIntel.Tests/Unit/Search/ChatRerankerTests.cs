using LexIntel.ApiService.Search.Reranking;

namespace LexIntel.Tests.Unit.Search;

/// <summary>What a model's reply can do to a ranking: reorder it, never drop or add a passage.</summary>
[Tier(TestTier.Unit)]
public sealed class ChatRerankerTests
{
    [Theory]
    [InlineData("3, 1, 2", new[] { 2, 0, 1 })]
    [InlineData("[2] > [3] > [1]", new[] { 1, 2, 0 })]
    [InlineData("Most relevant: 3. Then 1.", new[] { 2, 0, 1 })]
    [InlineData("3, 3, 9, 0, 1", new[] { 2, 0, 1 })]
    [InlineData("2", new[] { 1, 0, 2 })]
    public void The_numbers_named_come_first_in_their_order_and_the_rest_keep_theirs(string reply, int[] expected) =>
        Assert.Equal(expected, ChatReranker.OrderFrom(reply, 3));

    [Theory]
    [InlineData("I cannot rank these passages.")]
    [InlineData("0, 4, 12")]
    public void A_reply_naming_no_passage_is_an_error_not_an_order(string reply) =>
        Assert.Contains("names none of the 3 passages", Assert.Throws<InvalidOperationException>(() => ChatReranker.OrderFrom(reply, 3)).Message, StringComparison.Ordinal);

    [Fact]
    public void The_cost_is_a_server_timing_metric()
    {
        Assert.Equal("rerank;dur=812.5;desc=\"reranked, 1832 input tokens, 14 output tokens\"", new RerankCost(TimeSpan.FromMilliseconds(812.5), 1832, 14, RerankCost.Reranked).ServerTiming);
        Assert.Equal("rerank;dur=0.2;desc=\"cached\"", new RerankCost(TimeSpan.FromMilliseconds(0.2), null, null, RerankCost.Cached).ServerTiming);
    }
}
