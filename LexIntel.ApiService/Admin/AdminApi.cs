using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Queue;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LexIntel.ApiService.Admin;

public static class AdminApi
{
    public const int MaxDeadLetters = 500;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin")
            .WithTags("Admin")
            .AddEndpointFilter<AdminKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

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
