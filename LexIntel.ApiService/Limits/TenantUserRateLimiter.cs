using System.Threading.RateLimiting;

namespace LexIntel.ApiService.Limits;

/// <summary>
/// One user's window for a class of routes, chained to the window all users of their tenant share.
/// A user refused for their own rate spends nothing of the tenant's, so one user looping cannot lock
/// out their colleagues; a tenant refused spends nothing of the user's.
/// </summary>
internal sealed class TenantUserRateLimiter(FixedWindowRateLimiter user, PartitionedRateLimiter<Guid> tenants, Guid tenant) : ReplenishingRateLimiter
{
    // The rate-limiting middleware replenishes its partitions on its own timer, asking limiters that
    // do not replenish themselves; this passes that on to the user's window (the tenants' limiter
    // has a timer of its own).
    public override bool IsAutoReplenishing => false;

    public override TimeSpan ReplenishmentPeriod => user.ReplenishmentPeriod;

    public override bool TryReplenish() => user.TryReplenish();

    /// <summary>Idle when the user is: the middleware then drops this partition, and the tenant's window lives on in <c>tenants</c>.</summary>
    public override TimeSpan? IdleDuration => user.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => user.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        // Asking for no permits only looks: the user's permit is spent once the tenant has said yes.
        var available = user.AttemptAcquire(0);
        if (!available.IsAcquired)
        {
            return available;
        }

        var shared = tenants.AttemptAcquire(tenant, permitCount);
        if (!shared.IsAcquired)
        {
            return new TenantLimitLease(shared);
        }

        // A window's permits are spent when acquired; its leases hold nothing to give back. Should a
        // concurrent request of the same user have taken their last permit meanwhile, the tenant's
        // permit is lost with this refusal: harmless at the margin.
        shared.Dispose();
        return user.AttemptAcquire(permitCount);
    }

    /// <summary>Nothing waits in a queue: a request is admitted or refused at once, whichever way it is asked.</summary>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            user.Dispose();
        }

        base.Dispose(disposing);
    }
}
