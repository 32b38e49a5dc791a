using LexIntel.ApiService.Limits;

namespace LexIntel.Tests.Unit.Limits;

[Tier(TestTier.Unit)]
public sealed class RateLimitsOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new RateLimitsOptionsValidator().Validate(null, new RateLimitsOptions()).Succeeded);
    }

    [Fact]
    public void Limits_that_shut_everyone_out_or_could_never_apply_are_refused_with_their_keys()
    {
        var options = new RateLimitsOptions
        {
            Search = new RateLimit { PerUser = 0, PerTenant = 10 },
            Ask = new RateLimit { PerUser = 20, PerTenant = 10 },
            Upload = new RateLimit { PerUser = 1, PerTenant = 1, Window = TimeSpan.FromMilliseconds(100) },
        };

        var result = new RateLimitsOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "LexIntel:RateLimits:Upload:Window must be between 00:00:01 and 01:00:00.",
                "LexIntel:RateLimits:Search:PerUser must be at least 1.",
                "LexIntel:RateLimits:Ask:PerTenant must be at least PerUser (20): a tenant's users share it.",
            ],
            result.Failures);
    }
}
