using LexIntel.ApiService.Cases;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.Paging;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/audit")
            .WithTags("Audit")
            .RequireTenant(Policies.TenantAdmin)
            .MapGet("/", ListAuditEntries)
            .WithName(nameof(ListAuditEntries))
            .WithSummary("The tenant's audit log")
            .WithDescription("Who did what to which case or document, newest first, keyset-paged (`limit`, `cursor`); filter by `caseId`, `documentId`, `userId`, `action` (e.g. document.download, access.denied), `from` and `before`. Tenant admins only; entries of a case the admin may not see (restricted, or screened from) are left out while the case exists.");
        return app;
    }

    public static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAuditEntries(
        [AsParameters] AuditQuery filter,
        LexIntelDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var page = PageRequest.Parse(filter.Limit, filter.Cursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // An ethical wall holds in the log too: entries of a case the admin may not see are left out
        // while the case exists; once it is deleted, who did what to it stays accountable.
        var tenantId = tenant.TenantId;
        var visibleCases = db.Cases.VisibleTo(tenant).Select(c => c.Id);
        var query = db.AuditEntries.AsNoTracking().Where(e => e.TenantId == tenantId
            && (e.CaseId == null || visibleCases.Contains(e.CaseId.Value) || !db.Cases.Any(c => c.Id == e.CaseId && c.TenantId == tenantId)));
        if (filter.CaseId is { } caseId)
        {
            query = query.Where(e => e.CaseId == caseId);
        }

        if (filter.DocumentId is { } documentId)
        {
            query = query.Where(e => e.DocumentId == documentId);
        }

        if (filter.UserId is { Length: > 0 } userId)
        {
            query = query.Where(e => e.UserId == userId);
        }

        if (filter.Action is { Length: > 0 } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (filter.From is { } from)
        {
            query = query.Where(e => e.CreatedAt >= from);
        }

        if (filter.Before is { } before)
        {
            query = query.Where(e => e.CreatedAt < before);
        }

        var rows = await query.NewestFirst(page).ToListAsync(cancellationToken);
        var (items, next) = page.Split(rows, e => new KeysetCursor(e.CreatedAt, e.Id));
        return TypedResults.Ok(new AuditPage([.. items.Select(AuditEntryResponse.From)], next));
    }
}
