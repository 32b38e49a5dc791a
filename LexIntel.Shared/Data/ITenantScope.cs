namespace LexIntel.Shared.Data;

/// <summary>
/// The tenant a <see cref="LexIntelDbContext"/> is confined to: in the API the request's, once its
/// token has been read. Nothing else is asked of it, so the context needs nothing of the API.
/// </summary>
public interface ITenantScope
{
    /// <summary>The tenant, or null while none is resolved (operator routes, authentication, health).</summary>
    Guid? TenantId { get; }
}
