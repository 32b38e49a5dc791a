using LexIntel.Shared.Data;

namespace LexIntel.ApiService.Tenancy;

/// <summary>
/// The tenant and the user the current request acts for, from the caller's token. Every query over
/// tenant data filters by <see cref="TenantId"/>; what is private to a user (conversations) by
/// <see cref="UserId"/>. A request without them is refused before it reaches a handler. The
/// request's database context is bound to it too (<see cref="ITenantScope"/>), so a query that
/// forgets the tenant still sees nothing of another's.
/// </summary>
public sealed class TenantContext : ITenantScope
{
    private Guid? tenantId;
    private string? userId;

    public Guid TenantId => tenantId ?? throw new InvalidOperationException("No tenant was resolved for this request.");

    public string UserId => userId ?? throw new InvalidOperationException("No user was resolved for this request.");

    Guid? ITenantScope.TenantId => tenantId;

    /// <summary>A tenant admin owns every case that is not restricted and that they are not screened from.</summary>
    public bool IsTenantAdmin { get; private set; }

    /// <summary>The only cases the caller may reach (an API key limited to some cases); null: no such limit.</summary>
    public IReadOnlyCollection<Guid>? CaseScope { get; private set; }

    internal void Set(Guid tenant, string user, bool isTenantAdmin, IReadOnlyCollection<Guid>? caseScope = null)
    {
        tenantId = tenant;
        userId = user;
        IsTenantAdmin = isTenantAdmin;
        CaseScope = caseScope;
    }
}
