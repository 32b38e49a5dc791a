using System.Security.Claims;
using LexIntel.ApiService.Identity;

namespace LexIntel.ApiService.Limits;

/// <summary>Whom a limit counts: one user of one tenant, as the validated token (or progress ticket) names them.</summary>
internal readonly record struct TenantUser(Guid Tenant, string User)
{
    /// <summary>The caller, or null when the claims name no tenant (a GUID) and user.</summary>
    public static TenantUser? Of(ClaimsPrincipal caller, IdentityOptions identity) =>
        Guid.TryParse(caller.FindFirst(identity.TenantClaim)?.Value, out var tenant) && caller.FindFirst(identity.UserClaim)?.Value is { Length: > 0 } user
            ? new TenantUser(tenant, user)
            : null;
}
