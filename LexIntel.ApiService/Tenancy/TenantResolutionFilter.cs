namespace LexIntel.ApiService.Tenancy;

/// <summary>
/// Resolves the tenant from the <c>X-Tenant-Id</c> header, or from the <c>lexintel-tenant</c> cookie
/// for browsers, whose <c>EventSource</c> cannot send headers. Authentication replaces both with a
/// claim later; the scoping contract for handlers (<see cref="TenantContext"/>) stays the same.
/// </summary>
internal sealed class TenantResolutionFilter : IEndpointFilter
{
    public const string HeaderName = "X-Tenant-Id";

    public const string CookieName = "lexintel-tenant";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers[HeaderName].ToString();
        var (value, source) = header.Length > 0 || !http.Request.Cookies.TryGetValue(CookieName, out var cookie)
            ? (header, $"The {HeaderName} header")
            : (cookie, $"The {CookieName} cookie");
        if (!Guid.TryParse(value, out var tenantId) || tenantId == Guid.Empty)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Missing tenant",
                detail: string.IsNullOrEmpty(value)
                    ? $"The {HeaderName} header (or, from a browser, the {CookieName} cookie) is required and must hold the tenant's id (a GUID)."
                    : $"{source} '{value}' is not a valid tenant id (a non-empty GUID).");
        }

        http.RequestServices.GetRequiredService<TenantContext>().Set(tenantId);
        return await next(context);
    }
}
