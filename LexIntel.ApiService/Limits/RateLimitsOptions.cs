namespace LexIntel.ApiService.Limits;

/// <summary>
/// Bound from <c>LexIntel:RateLimits</c>: the routes that cost the most (uploads, search, questions,
/// citation extraction), each limited per user and per tenant. The defaults leave a person working
/// at any human pace untouched and stop a script that loops.
/// </summary>
public sealed class RateLimitsOptions
{
    public const string SectionName = "LexIntel:RateLimits";

    public RateLimit Upload { get; set; } = new() { PerUser = 30, PerTenant = 300 };

    public RateLimit Search { get; set; } = new() { PerUser = 120, PerTenant = 1200 };

    public RateLimit Ask { get; set; } = new() { PerUser = 30, PerTenant = 300 };

    public RateLimit CitationExtraction { get; set; } = new() { PerUser = 60, PerTenant = 600 };

    /// <summary>Each limit by the name of its policy (<see cref="RateLimitPolicies"/>), which is also its key in the section.</summary>
    public IReadOnlyDictionary<string, RateLimit> ByPolicy() => new Dictionary<string, RateLimit>
    {
        [RateLimitPolicies.Upload] = Upload,
        [RateLimitPolicies.Search] = Search,
        [RateLimitPolicies.Ask] = Ask,
        [RateLimitPolicies.CitationExtraction] = CitationExtraction,
    };
}
