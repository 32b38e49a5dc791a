using LexIntel.ApiService.Ask;
using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.Cases;

/// <summary>
/// The one place that decides whether a request may reach what its route names: it finds the case
/// behind the route's case, document or conversation and applies <see cref="CaseAccessRule"/>.
/// What the caller may not see is 404, exactly like what does not exist, so ids reveal nothing;
/// what they see but may not change is 403.
/// </summary>
internal sealed class CaseAccessFilter : IEndpointFilter
{
    public const string CaseParameter = "caseId";

    public const string DocumentParameter = "documentId";

    public const string ConversationParameter = "conversationId";

    /// <summary>The route parameters through which a route names something of a case.</summary>
    public static readonly string[] RouteParameters = [CaseParameter, DocumentParameter, ConversationParameter];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<LexIntelDbContext>();
        var caller = http.RequestServices.GetRequiredService<TenantContext>();
        var (caseId, notFound) = await CaseBehindAsync(http, db, caller);
        if (notFound is null)
        {
            return await next(context);
        }

        var access = caseId is { } id ? await CaseAccessRule.AccessAsync(db, caller, id, http.RequestAborted) : null;
        var required = RequiredCaseAccess.Of(http.GetEndpoint()?.Metadata ?? []);
        if (access >= required)
        {
            return await next(context);
        }

        // The entry names the case found behind the route, so the log's own wall (what admins who
        // may not see a case do not read of it) covers attempts on its documents too; the route is
        // recorded as its template, as ids in a path are not for every admin to read.
        await http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(
            AuditActions.AccessDenied,
            caseId,
            RouteGuid(http, DocumentParameter),
            $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path} → {(access is null ? 404 : 403)}",
            http.RequestAborted);
        return access is null
            ? notFound
            : TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not allowed in this case",
                detail: $"This needs {required.ToString().ToLowerInvariant()} access to the case; you have {access.Value.ToString().ToLowerInvariant()} access.");
    }

    /// <summary>The case the route names (directly or through what it holds), and the 404 to answer when the caller may not see it; no 404 for a route that names nothing of a case.</summary>
    private static async Task<(Guid? CaseId, ProblemHttpResult? NotFound)> CaseBehindAsync(HttpContext http, LexIntelDbContext db, TenantContext caller)
    {
        if (RouteGuid(http, CaseParameter) is { } caseId)
        {
            return (caseId, CasesApi.CaseNotFound(caseId));
        }

        if (RouteGuid(http, DocumentParameter) is { } documentId)
        {
            return (await CaseAccessRule.CaseOfDocumentAsync(db, caller, documentId, http.RequestAborted), DocumentsApi.DocumentNotFound(documentId));
        }

        if (RouteGuid(http, ConversationParameter) is { } conversationId)
        {
            var (tenantId, userId) = (caller.TenantId, caller.UserId);
            var owner = await db.Conversations.Where(c => c.Id == conversationId && c.TenantId == tenantId && c.UserId == userId).Select(c => (Guid?)c.CaseId).SingleOrDefaultAsync(http.RequestAborted);
            return (owner, ConversationsApi.ConversationNotFound(conversationId));
        }

        return (null, null);
    }

    /// <summary>The id a route parameter holds, or null when the route has no such parameter.</summary>
    public static Guid? RouteGuid(HttpContext http, string name) =>
        Guid.TryParse(http.GetRouteValue(name) as string, out var id) ? id : null;
}
