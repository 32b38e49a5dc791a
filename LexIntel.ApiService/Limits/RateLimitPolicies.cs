namespace LexIntel.ApiService.Limits;

/// <summary>
/// The rate-limiting policies routes name (<c>RequireRateLimiting</c>). A class of routes limited
/// per user and tenant is named after its key in <see cref="RateLimitsOptions"/>, so that the
/// configuration section and the policy cannot drift apart.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Uploads (<c>POST /api/cases/{caseId}/documents</c>).</summary>
    public const string Upload = nameof(RateLimitsOptions.Upload);

    /// <summary>Both search routes.</summary>
    public const string Search = nameof(RateLimitsOptions.Search);

    /// <summary>Both ask routes (JSON and streamed).</summary>
    public const string Ask = nameof(RateLimitsOptions.Ask);

    /// <summary>Citations in posted text (<c>POST /api/citations/extract</c>).</summary>
    public const string CitationExtraction = nameof(RateLimitsOptions.CitationExtraction);

    /// <summary>Open progress streams at once per user (<see cref="Progress.ProgressStreamOptions.MaxOpenPerUser"/>).</summary>
    public const string ProgressStreams = "ProgressStreams";
}
