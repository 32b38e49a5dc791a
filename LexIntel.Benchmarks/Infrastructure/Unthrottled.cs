using LexIntel.ApiService.Limits;

namespace LexIntel.Benchmarks.Infrastructure;

/// <summary>
/// AppHost settings that lift the API's rate limits out of a benchmark's way: a scenario drives
/// the service as one user far past any human pace (hundreds of searches a minute, 500 open
/// progress streams) to measure the service, not the limits a deployment sets on its users.
/// </summary>
internal static class Unthrottled
{
    private const int Plenty = 1_000_000;

    public static readonly string[] Settings =
    [
        .. new RateLimitsOptions().ByPolicy().Keys.SelectMany(limit => new[]
        {
            $"LexIntel:RateLimits:{limit}:PerUser={Plenty}",
            $"LexIntel:RateLimits:{limit}:PerTenant={Plenty}",
        }),
        $"LexIntel:ProgressStream:MaxOpenPerUser={Plenty}",
    ];
}
