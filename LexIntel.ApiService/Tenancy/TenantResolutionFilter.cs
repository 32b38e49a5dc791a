namespace LexIntel.ApiService.Tenancy;

/// <summary>
/// Resolves the tenant from the <c>X-Tenant-Id</c> header. Authentication replaces the header with
/// a claim later; the scoping contract for handlers (<see cref="TenantContext"/>) stays the same.
/// </summary>
internal sealed class TenantResolutionFilter : IEndpointFilter
{
    public const string HeaderName = "X-Tenant-Id";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers[HeaderName].ToString();
        if (!Guid.TryParse(header, out var tenantId) || tenantId == Guid.Empty)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Missing tenant",
                detail: string.IsNullOrEmpty(header)
                    ? $"The {HeaderName} header is required and must hold the tenant's id (a GUID)."
                    : $"The {HeaderName} header '{header}' is not a valid tenant id (a non-empty GUID).");
        }

        http.RequestServices.GetRequiredService<TenantContext>().Set(tenantId);
        return await next(context);
    }
}
