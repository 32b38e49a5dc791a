using LexIntel.ApiService.ErrorHandling;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Limits;

internal static class RequestTimeoutServiceExtensions
{
    /// <summary>
    /// The default request timeout for every route, and the longer one for file transfers; a request
    /// cancelled by it is answered 504 with problem details. Streaming routes opt out
    /// (<c>DisableRequestTimeout</c>).
    /// </summary>
    public static IHostApplicationBuilder AddLexIntelRequestTimeouts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestTimeoutsOptions>()
            .BindConfiguration(RequestTimeoutsOptions.SectionName)
            .Validate(o => o.Default >= TimeSpan.FromSeconds(1), $"{RequestTimeoutsOptions.SectionName}:Default must be at least 1 second.")
            .Validate(o => o.Transfer >= o.Default, $"{RequestTimeoutsOptions.SectionName}:Transfer must be at least Default.")
            .ValidateOnStart();
        builder.Services.AddRequestTimeouts();
        builder.Services.AddOptions<RequestTimeoutOptions>()
            .Configure<IOptions<RequestTimeoutsOptions>>((timeouts, limits) =>
            {
                timeouts.DefaultPolicy = Policy(limits.Value.Default);
                timeouts.AddPolicy(RequestTimeoutPolicies.Transfer, Policy(limits.Value.Transfer));
            });
        return builder;
    }

    private static RequestTimeoutPolicy Policy(TimeSpan timeout) => new()
    {
        Timeout = timeout,
        TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        WriteTimeoutResponse = http => http.WriteProblemAsync(
            StatusCodes.Status504GatewayTimeout,
            "Request timed out",
            $"The request was still running after {timeout.TotalSeconds:0.#} s, the longest this route may take, and was cancelled; try again."),
    };
}
