using LexIntel.ApiService.ApiKeys;
using LexIntel.ApiService.Identity;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Tenancy;

/// <summary>
/// Reads the tenant and the user from the caller's validated token (the claims
/// <see cref="IdentityOptions"/> names) into <see cref="TenantContext"/>; nothing about identity
/// comes from plain headers or cookies.
/// </summary>
internal sealed class TenantClaimFilter(IOptions<IdentityOptions> options) : IEndpointFilter
{
    public const int MaxUserIdLength = 200;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var identity = options.Value;
        var tenant = http.User.FindFirst(identity.TenantClaim)?.Value;
        var user = http.User.FindFirst(identity.UserClaim)?.Value;
        if (!Guid.TryParse(tenant, out var tenantId) || tenantId == Guid.Empty)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "No tenant",
                detail: $"The token's '{identity.TenantClaim}' claim must hold the tenant's id (a non-empty GUID); it holds '{tenant}'.");
        }

        if (string.IsNullOrWhiteSpace(user) || user.Length > MaxUserIdLength)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "No user",
                detail: $"The token's '{identity.UserClaim}' claim must name the user in 1 to {MaxUserIdLength} characters.");
        }

        var scope = http.User.FindAll(ApiKeyAuthenticationHandler.CaseScopeClaim).Select(c => Guid.Parse(c.Value)).ToList();
        http.RequestServices.GetRequiredService<TenantContext>().Set(tenantId, user, http.User.IsInRole(Roles.TenantAdmin), scope.Count > 0 ? scope : null);
        return await next(context);
    }
}
