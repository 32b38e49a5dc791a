using LexIntel.Shared.Data;

namespace LexIntel.ApiService.Tenancy;

internal static class TenancyServiceCollectionExtensions
{
    /// <summary>
    /// The request's <see cref="TenantContext"/>, filled by <see cref="TenantClaimFilter"/>, and the
    /// same object as the scope its database context is confined to: a scope in which no tenant was
    /// resolved (operator routes, authentication, a scope of its own) leaves the context unbound.
    /// </summary>
    public static IServiceCollection AddTenantContext(this IServiceCollection services)
    {
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantScope>(provider => provider.GetRequiredService<TenantContext>());
        return services;
    }
}
