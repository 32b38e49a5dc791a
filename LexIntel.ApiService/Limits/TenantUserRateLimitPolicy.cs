using System.Threading.RateLimiting;
using LexIntel.ApiService.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace LexIntel.ApiService.Limits;

/// <summary>
/// A class of routes limited per user and per tenant (<see cref="RateLimit"/>): each user of a tenant
/// has a fixed window of their own, and all the tenant's users share a larger one, so that neither one
/// user nor one tenant can take the service from the rest.
/// </summary>
internal sealed class TenantUserRateLimitPolicy(RateLimit limit, IdentityOptions identity) : IRateLimiterPolicy<TenantUser>
{
    private readonly PartitionedRateLimiter<Guid> tenants = PartitionedRateLimiter.Create<Guid, Guid>(
        tenant => RateLimitPartition.GetFixedWindowLimiter(tenant, _ => Window(limit.PerTenant, limit.Window)));

    /// <summary>None of its own: every rejection is written alike (<see cref="RateLimitRejection"/>).</summary>
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<TenantUser> GetPartition(HttpContext httpContext) =>
        TenantUser.Of(httpContext.User, identity) is { } caller
            ? RateLimitPartition.Get(caller, c => new TenantUserRateLimiter(new FixedWindowRateLimiter(Window(limit.PerUser, limit.Window)), tenants, c.Tenant))

            // A caller without a tenant and a user is refused before any work (TenantClaimFilter).
            : RateLimitPartition.GetNoLimiter(default(TenantUser));

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = false,
    };
}
