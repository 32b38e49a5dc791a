namespace LexIntel.ApiService.Tenancy;

internal static class TenantEndpointExtensions
{
    /// <summary>Requires the tenant header on every endpoint of the group.</summary>
    public static RouteGroupBuilder RequireTenant(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<TenantResolutionFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }
}
