using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.Cases;

/// <summary>
/// The one place that decides whether a request may reach a case's routes: only when the case
/// belongs to the caller's tenant. Anything else is 404, so another tenant's case ids reveal nothing.
/// </summary>
internal sealed class CaseAccessFilter : IEndpointFilter
{
    public const string RouteParameter = "caseId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.GetRouteValue(RouteParameter) as string, out var caseId))
        {
            throw new InvalidOperationException($"{nameof(CaseAccessFilter)} guards routes with a {{{RouteParameter}:guid}} parameter only.");
        }

        var tenant = http.RequestServices.GetRequiredService<TenantContext>();
        var db = http.RequestServices.GetRequiredService<LexIntelDbContext>();
        return await db.Cases.AnyAsync(c => c.Id == caseId && c.TenantId == tenant.TenantId, http.RequestAborted)
            ? await next(context)
            : CasesApi.CaseNotFound(caseId);
    }
}
