using System.Threading.RateLimiting;

namespace LexIntel.ApiService.Limits;

/// <summary>A refusal by the window a tenant's users share rather than by the user's own, so that the rejection can say which.</summary>
internal sealed class TenantLimitLease(RateLimitLease refused) : RateLimitLease
{
    public override bool IsAcquired => false;

    public override IEnumerable<string> MetadataNames => refused.MetadataNames;

    public override bool TryGetMetadata(string metadataName, out object? metadata) => refused.TryGetMetadata(metadataName, out metadata);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            refused.Dispose();
        }

        base.Dispose(disposing);
    }
}
