using System.Diagnostics.CodeAnalysis;
using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Paging;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Deletion;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.Cases;

public static class CasesApi
{
    public const int MaxNameLength = 300;

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases")
            .WithTags("Cases")
            .RequireTenant();

        api.MapPost("/", CreateCase)
            .WithName(nameof(CreateCase))
            .WithSummary("Create a case")
            .WithDescription("Creates a case (matter) for the caller's tenant.");

        api.MapGet("/", ListCases)
            .WithName(nameof(ListCases))
            .WithSummary("List cases")
            .WithDescription("The tenant's cases, newest first, paged with an opaque cursor.");

        api.MapGet("/{caseId:guid}", GetCase)
            .WithName(nameof(GetCase))
            .WithSummary("Get a case")
            .WithDescription("One case of the caller's tenant with its document count.");

        api.MapPut("/{caseId:guid}", RenameCase)
            .RequiresCaseAccess(CaseAccess.Owner)
            .WithName(nameof(RenameCase))
            .WithSummary("Rename a case");

        api.MapDelete("/{caseId:guid}", DeleteCase)
            .RequiresCaseAccess(CaseAccess.Owner)
            .WithName(nameof(DeleteCase))
            .WithSummary("Delete a case")
            .WithDescription("Deletes the case with its documents, their chunks and citations at once; their stored files, progress feeds and queued jobs are removed right after.");

        return app;
    }

    public static async Task<Results<Created<CaseResponse>, ProblemHttpResult, ValidationProblem>> CreateCase(
        CreateCaseRequest request,
        LexIntelDbContext db,
        TenantContext tenant,
        AuditLog audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (!IsValidName(name))
        {
            return InvalidName();
        }

        if (!await db.Tenants.AnyAsync(t => t.Id == tenant.TenantId, cancellationToken))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Tenant not provisioned",
                detail: $"Tenant {tenant.TenantId} does not exist; an operator provisions it (PUT /api/admin/tenants/{tenant.TenantId}).");
        }

        var now = PostgresTime.Truncate(time.GetUtcNow());

        var entity = new Case { Id = Guid.CreateVersion7(now), TenantId = tenant.TenantId, Name = name, CreatedAt = now, UpdatedAt = now };
        entity.Members.Add(new CaseMember { UserId = tenant.UserId, Access = CaseAccess.Owner, UpdatedAt = now });
        db.Cases.Add(entity);
        audit.Add(AuditActions.CaseCreate, entity.Id, detail: name);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created($"/api/cases/{entity.Id}", CaseResponse.From(entity, documentCount: 0, CaseAccess.Owner));
    }

    public static async Task<Results<Ok<CasePage>, ValidationProblem>> ListCases(
        LexIntelDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken,
        int? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        var page = PageRequest.Parse(limit, cursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var userId = tenant.UserId;
        var rows = await db.Cases.AsNoTracking()
            .VisibleTo(tenant)
            .NewestFirst(page)
            .Select(c => new { Case = c, DocumentCount = c.Documents.Count, Member = c.Members.Where(m => m.UserId == userId).Select(m => (CaseAccess?)m.Access).FirstOrDefault() })
            .ToListAsync(cancellationToken);

        // Visible rows always have an access: VisibleTo is Effective as SQL.
        var (items, next) = page.Split(
            rows.Select(r => CaseResponse.From(r.Case, r.DocumentCount, CaseAccessRule.Effective(r.Case.Restricted, r.Member, tenant.IsTenantAdmin)!.Value)).ToList(),
            c => new KeysetCursor(c.CreatedAt, c.Id));
        return TypedResults.Ok(new CasePage(items, next));
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> GetCase(
        Guid caseId,
        LexIntelDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken)
    {
        var userId = tenant.UserId;
        var row = await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId && c.TenantId == tenant.TenantId)
            .Select(c => new { Case = c, DocumentCount = c.Documents.Count, Member = c.Members.Where(m => m.UserId == userId).Select(m => (CaseAccess?)m.Access).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);

        return row is null || CaseAccessRule.Effective(row.Case.Restricted, row.Member, tenant.IsTenantAdmin) is not { } access
            ? CaseNotFound(caseId)
            : TypedResults.Ok(CaseResponse.From(row.Case, row.DocumentCount, access));
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> RenameCase(
        Guid caseId,
        CreateCaseRequest request,
        LexIntelDbContext db,
        TenantContext tenant,
        AuditLog audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (!IsValidName(name))
        {
            return InvalidName();
        }

        var entity = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId && c.TenantId == tenant.TenantId, cancellationToken);
        if (entity is null)
        {
            return CaseNotFound(caseId);
        }

        audit.Add(AuditActions.CaseRename, caseId, detail: $"{entity.Name} → {name}");
        entity.Name = name;
        entity.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var documents = await db.Documents.CountAsync(d => d.CaseId == caseId, cancellationToken);
        return TypedResults.Ok(CaseResponse.From(entity, documents, CaseAccess.Owner));
    }

    private static bool IsValidName([NotNullWhen(true)] string? name) => !string.IsNullOrEmpty(name) && name.Length <= MaxNameLength;

    private static ValidationProblem InvalidName() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [$"A case needs a name of 1 to {MaxNameLength} characters."] });

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteCase(
        Guid caseId,
        LexIntelDbContext db,
        TenantContext tenant,
        Deletions deletions,
        AuditLog audit,
        CancellationToken cancellationToken)
    {
        // The retrying execution strategy replays the whole unit, transaction included.
        var deleted = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (await deletions.DeleteCaseAsync(db, tenant.TenantId, caseId, ct) is not { } entity)
                {
                    return false;
                }

                audit.Add(AuditActions.CaseDelete, caseId, detail: entity.Name);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return true;
            },
            cancellationToken);

        return deleted ? TypedResults.NoContent() : CaseNotFound(caseId);
    }

    internal static ProblemHttpResult CaseNotFound(Guid caseId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Case not found", detail: $"No case {caseId} exists for this tenant.");
}
