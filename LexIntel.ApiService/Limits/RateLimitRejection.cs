using System.Globalization;
using System.Threading.RateLimiting;
using LexIntel.ApiService.ErrorHandling;
using LexIntel.ApiService.Progress;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Limits;

/// <summary>A refused request's 429: problem details that say which limit it hit, and <c>Retry-After</c> when the wait is known.</summary>
internal static class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        string detail;
        if (policy == RateLimitPolicies.ProgressStreams)
        {
            var most = http.RequestServices.GetRequiredService<IOptions<ProgressStreamOptions>>().Value.MaxOpenPerUser;
            detail = $"You have {most} progress streams open, the most one user may; close one before opening another.";
        }
        else
        {
            var limit = http.RequestServices.GetRequiredService<IOptions<RateLimitsOptions>>().Value.ByPolicy()[policy!];

            // Whole seconds, rounded up: a client that waits that long finds the window renewed.
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limit.Window;
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            var requests = $"{Describe(policy!)} requests per {Describe(limit.Window)}";
            detail = context.Lease is TenantLimitLease
                ? $"Your tenant's users may make {limit.PerTenant} {requests} together; try again in {seconds} s."
                : $"You may make {limit.PerUser} {requests}; try again in {seconds} s.";
        }

        await http.WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too many requests", detail);
    }

    private static string Describe(string policy) => policy switch
    {
        RateLimitPolicies.Upload => "upload",
        RateLimitPolicies.Search => "search",
        RateLimitPolicies.Ask => "ask",
        RateLimitPolicies.CitationExtraction => "citation extraction",
        _ => policy,
    };

    private static string Describe(TimeSpan window) =>
        window == TimeSpan.FromMinutes(1) ? "minute"
        : window.TotalSeconds % 60 == 0 ? $"{window.TotalMinutes:0} minutes"
        : $"{window.TotalSeconds:0.#} seconds";
}
