using System.Threading.RateLimiting;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.Progress;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Limits;

internal static class RateLimitServiceExtensions
{
    /// <summary>
    /// The rate-limiting policies routes name (<see cref="RateLimitPolicies"/>): the costly classes of
    /// routes per user and per tenant, and open progress streams per user. Partitions come from the
    /// validated token's claims, so the middleware runs after authorization.
    /// </summary>
    public static IHostApplicationBuilder AddLexIntelRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitsOptions>()
            .BindConfiguration(RateLimitsOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RateLimitsOptions>, RateLimitsOptionsValidator>();

        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitsOptions>, IOptions<ProgressStreamOptions>, IOptions<IdentityOptions>>((limiter, limits, streams, identity) =>
            {
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.OnRejected = RateLimitRejection.WriteAsync;
                foreach (var (policy, limit) in limits.Value.ByPolicy())
                {
                    limiter.AddPolicy(policy, new TenantUserRateLimitPolicy(limit, identity.Value));
                }

                // A stream holds its permit while it is open: the middleware returns it when the response ends.
                limiter.AddPolicy(RateLimitPolicies.ProgressStreams, http => TenantUser.Of(http.User, identity.Value) is { } caller
                    ? RateLimitPartition.GetConcurrencyLimiter(caller, _ => new ConcurrencyLimiterOptions { PermitLimit = streams.Value.MaxOpenPerUser, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(default(TenantUser)));
            });
        return builder;
    }
}
