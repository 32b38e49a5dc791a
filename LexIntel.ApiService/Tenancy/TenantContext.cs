namespace LexIntel.ApiService.Tenancy;

/// <summary>
/// The tenant the current request acts for. Every query over tenant data filters by
/// <see cref="TenantId"/>; a request that names no tenant is refused before it reaches a handler.
/// </summary>
public sealed class TenantContext
{
    private Guid? tenantId;

    public Guid TenantId => tenantId ?? throw new InvalidOperationException("No tenant was resolved for this request.");

    internal void Set(Guid id) => tenantId = id;
}
