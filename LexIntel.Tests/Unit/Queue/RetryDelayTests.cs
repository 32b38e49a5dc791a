using LexIntel.Shared.Queue;

namespace LexIntel.Tests.Unit.Queue;

[Tier(TestTier.Unit)]
public sealed class RetryDelayTests
{
    private static readonly QueueOptions Options = new() { RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromMinutes(5) };

    [Theory]
    [InlineData(1, 0.0, 0)]
    [InlineData(1, 0.25, 500)]
    [InlineData(2, 0.5, 2_000)]
    [InlineData(3, 0.25, 2_000)]
    [InlineData(3, 0.75, 6_000)]
    [InlineData(20, 0.5, 150_000)]
    public void A_delay_is_the_jitter_share_of_a_ceiling_that_doubles_per_attempt_up_to_the_maximum(int attempt, double jitter, int expectedMilliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), Options.RetryDelay(attempt, jitter));
    }

    [Fact]
    public void Full_jitter_spreads_delays_over_the_whole_range_below_the_ceiling()
    {
        var ceiling = TimeSpan.FromSeconds(16);
        var random = new Random(20_240_601);

        var delays = Enumerable.Range(0, 1_000).Select(_ => Options.RetryDelay(4, random.NextDouble())).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, ceiling));
        Assert.InRange(delays.Count(d => d < ceiling / 2), 450, 550);
        Assert.InRange(delays.Count(d => d < ceiling / 10), 70, 130);
    }
}
