using LexIntel.ApiService.Identity;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Queue;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.Admin;

public static class AdminApi
{
    public const int MaxDeadLetters = 500;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        // Operators run the service across tenants; a tenant's own admins are not operators.
        var api = app.MapGroup("/api/admin")
            .WithTags("Admin")
            .RequireAuthorization(Policies.Operator)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPut("/tenants/{tenantId:guid}", ProvisionTenant)
            .WithName(nameof(ProvisionTenant))
            .WithSummary("Provision or rename a tenant")
            .WithDescription("Creates the tenant with this id (201), or renames it (200). The id is what the identity provider puts in users' tenant claim; tenants are never created implicitly.");

        api.MapGet("/tenants", ListTenants)
            .WithName(nameof(ListTenants))
            .WithSummary("List tenants")
            .WithDescription("Every tenant, oldest first, with its number of cases.");

        api.MapGet("/queues", ListQueues)
            .WithName(nameof(ListQueues))
            .WithSummary("Job queues at a glance")
            .WithDescription("Per job kind: stream length, pending (delivered, unacknowledged), lag, delayed retries, dead letters and consumers.");

        api.MapGet("/queues/{kind}/dead", ListDeadLetters)
            .WithName(nameof(ListDeadLetters))
            .WithSummary("Dead letters of a job kind")
            .WithDescription("The newest jobs of the kind that failed for good, with their last error.");

        api.MapPost("/queues/{kind}/dead/{id}/requeue", RequeueDeadLetter)
            .WithName(nameof(RequeueDeadLetter))
            .WithSummary("Requeue a dead letter")
            .WithDescription("Puts the dead letter back on its stream as a fresh first attempt.");

        return app;
    }

    public const int MaxTenantNameLength = 200;

    public static async Task<Results<Created<TenantResponse>, Ok<TenantResponse>, ValidationProblem>> ProvisionTenant(
        Guid tenantId,
        ProvisionTenantRequest request,
        LexIntelDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (tenantId == Guid.Empty || string.IsNullOrEmpty(name) || name.Length > MaxTenantNameLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [tenantId == Guid.Empty ? "tenantId" : "name"] = [tenantId == Guid.Empty ? "A tenant id must not be the empty GUID." : $"A tenant needs a name of 1 to {MaxTenantNameLength} characters."],
            });
        }

        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is not null)
        {
            tenant.Name = name;
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(new TenantResponse(tenant.Id, tenant.Name, tenant.CreatedAt, await db.Cases.CountAsync(c => c.TenantId == tenantId, cancellationToken)));
        }

        tenant = new Tenant { Id = tenantId, Name = name, CreatedAt = PostgresTime.Truncate(time.GetUtcNow()) };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/tenants/{tenantId}", new TenantResponse(tenant.Id, tenant.Name, tenant.CreatedAt, CaseCount: 0));
    }

    public static async Task<Ok<List<TenantResponse>>> ListTenants(LexIntelDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Tenants.AsNoTracking()
            .OrderBy(t => t.CreatedAt)
            .Select(t => new TenantResponse(t.Id, t.Name, t.CreatedAt, t.Cases.Count))
            .ToListAsync(cancellationToken));

    public static async Task<Ok<List<QueueStats>>> ListQueues(QueueAdmin admin)
    {
        var stats = new List<QueueStats>();
        foreach (var kind in DocumentPipeline.JobKinds)
        {
            stats.Add(await admin.GetStatsAsync(kind));
        }

        return TypedResults.Ok(stats);
    }

    public static async Task<Results<Ok<IReadOnlyList<DeadLetter>>, ProblemHttpResult, ValidationProblem>> ListDeadLetters(
        string kind,
        QueueAdmin admin,
        int? limit = null)
    {
        if (!DocumentPipeline.JobKinds.Contains(kind))
        {
            return UnknownKind(kind);
        }

        var count = limit ?? 50;
        if (count is < 1 or > MaxDeadLetters)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["limit"] = [$"limit must be between 1 and {MaxDeadLetters}."],
            });
        }

        return TypedResults.Ok(await admin.ListDeadLettersAsync(kind, count));
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> RequeueDeadLetter(string kind, string id, QueueAdmin admin)
    {
        if (!DocumentPipeline.JobKinds.Contains(kind))
        {
            return UnknownKind(kind);
        }

        return await admin.RequeueAsync(kind, id)
            ? TypedResults.Accepted((string?)null)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dead letter not found", detail: $"No dead letter {id} in the {kind} queue (already requeued, trimmed, or never there).");
    }

    private static ProblemHttpResult UnknownKind(string kind) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown queue", detail: $"There is no '{kind}' queue; the queues are {string.Join(", ", DocumentPipeline.JobKinds)}.");
}
