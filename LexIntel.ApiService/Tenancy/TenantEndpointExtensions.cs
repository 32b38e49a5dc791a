using LexIntel.ApiService.Cases;
using LexIntel.ApiService.Identity;

namespace LexIntel.ApiService.Tenancy;

internal static class TenantEndpointExtensions
{
    /// <summary>
    /// Routes for a tenant's users (by <paramref name="policy"/>): the caller's tenant and user are
    /// known to every handler, and whatever case a route names is one the caller may reach.
    /// </summary>
    public static RouteGroupBuilder RequireTenant(this RouteGroupBuilder group, string policy = Policies.TenantUser)
    {
        group.RequireAuthorization(policy)
            .AddEndpointFilter<TenantClaimFilter>()
            .AddEndpointFilter<CaseAccessFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }
}
