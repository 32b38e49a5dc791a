using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Documents;
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

        api.MapGet("/queues/running", ListRunningJobs)
            .WithName(nameof(ListRunningJobs))
            .WithSummary("Jobs running now, per worker")
            .WithDescription("Per worker (consumer name): each job it runs now, with its kind, queue entry, tenant, case, document, run, attempt and start time.");

        api.MapPost("/queues/{kind}/running/{entryId}/cancel", CancelRunningJob)
            .WithName(nameof(CancelRunningJob))
            .WithSummary("Cancel a running job")
            .WithDescription("Stops the job within seconds, as its document's cancel does: the document ends failed with code `cancelled`, the worker's slot takes the next job. 404 when no worker runs that entry; 409 when its document is no longer being processed.");

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

    public static async Task<Ok<IReadOnlyList<WorkerJobs>>> ListRunningJobs(QueueAdmin admin) =>
        TypedResults.Ok(await admin.ListRunningAsync());

    public static async Task<Results<Ok<RunningJob>, ProblemHttpResult>> CancelRunningJob(
        string kind,
        string entryId,
        [AsParameters] OperatorCancellation operation,
        CancellationToken cancellationToken)
    {
        var job = await operation.Admin.FindRunningAsync(kind, entryId);
        var document = job is null ? null : await operation.Db.Documents.IgnoreQueryFilters()
            .SingleOrDefaultAsync(d => d.Id == job.DocumentId && d.TenantId == job.TenantId, cancellationToken);
        if (job is null || document is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Job not running", detail: $"No worker is running {kind} entry {entryId} (it finished, or never ran).");
        }

        var cancelled = await operation.Cancellation.CancelAsync(
            document,
            "Processing was cancelled by an operator of the service.",
            () => operation.Audit.Add(job.TenantId, operation.OperatorId, AuditActions.DocumentCancel, job.CaseId, job.DocumentId, $"run {job.RunNumber}, {kind} entry {entryId} on {job.Worker}"),
            cancellationToken);
        return cancelled
            ? TypedResults.Ok(job)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Document is not being processed", detail: $"Document {document.Id} of {kind} entry {entryId} is no longer being processed; its job ends on its own.");
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
