using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using LexIntel.ApiService.Cases;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Progress;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.Progress;

/// <summary>
/// Live progress as Server-Sent Events: first the current state from PostgreSQL, then every event
/// after the client's <c>Last-Event-ID</c> from the Redis stream, then new ones as they come. Event
/// ids are stream ids, so a browser that reconnects resumes exactly where it left off.
/// </summary>
public static partial class ProgressApi
{
    /// <summary>The current state from PostgreSQL (no id: it is not a place in the stream).</summary>
    public const string StateEventType = "state";

    public const string ProgressEventType = "progress";

    /// <summary>
    /// Keeps idle connections open. <see cref="SseItem{T}"/> cannot carry a comment line, so it is an
    /// event of its own type, without an id, which <c>EventSource</c> ignores unless listened to.
    /// </summary>
    public const string HeartbeatEventType = "heartbeat";

    public static IEndpointRouteBuilder MapProgressApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .WithTags("Progress")
            .RequireTenant();

        api.MapGet("/documents/{documentId:guid}/progress", DocumentProgress)
            .WithName(nameof(DocumentProgress))
            .WithSummary("Follow a document's processing (text/event-stream)")
            .WithDescription("A `state` event with the current state, then `progress` events (id = stream id) after `Last-Event-ID` (header or `?lastEventId=`); ends after the final event (ready or failed).")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

        api.MapGet("/cases/{caseId:guid}/progress", CaseProgress)
            .WithName(nameof(CaseProgress))
            .WithSummary("Follow every document of a case (text/event-stream)")
            .WithDescription("A `state` event per document, then `progress` events of all the case's documents after `Last-Event-ID`; stays open.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

        return app;
    }

    public static async Task<Results<ServerSentEventsResult<ProgressEvent>, ProblemHttpResult>> DocumentProgress(
        Guid documentId,
        [AsParameters] ProgressRequest request,
        CancellationToken cancellationToken)
    {
        if (!TryCursor(request.LastEventId, out var cursor))
        {
            return InvalidCursor();
        }

        var document = await request.Db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.TenantId == request.Tenant.TenantId, cancellationToken);
        if (document is null)
        {
            return DocumentsApi.DocumentNotFound(documentId);
        }

        DisableProxyBuffering(request.Http);
        var snapshot = ProgressSnapshot.Of(document);
        var events = snapshot.Final
            ? Remaining(request.Feed, ProgressKeys.Document(documentId), cursor)
            : request.Feed.WatchAsync(ProgressKeys.Document(documentId), cursor, cancellationToken);
        return TypedResults.ServerSentEvents(Stream([snapshot], events, endAtFinal: true, request.Options.Value, cancellationToken));
    }

    public static async Task<Results<ServerSentEventsResult<ProgressEvent>, ProblemHttpResult>> CaseProgress(
        Guid caseId,
        [AsParameters] ProgressRequest request,
        CancellationToken cancellationToken)
    {
        if (!TryCursor(request.LastEventId, out var cursor))
        {
            return InvalidCursor();
        }

        var tenantId = request.Tenant.TenantId;
        if (!await request.Db.Cases.AnyAsync(c => c.Id == caseId && c.TenantId == tenantId, cancellationToken))
        {
            return CasesApi.CaseNotFound(caseId);
        }

        var documents = await request.Db.Documents.AsNoTracking().Where(d => d.CaseId == caseId && d.TenantId == tenantId).OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        DisableProxyBuffering(request.Http);
        var events = request.Feed.WatchAsync(ProgressKeys.Case(caseId), cursor, cancellationToken);
        return TypedResults.ServerSentEvents(Stream([.. documents.Select(ProgressSnapshot.Of)], events, endAtFinal: false, request.Options.Value, cancellationToken));
    }

    /// <summary>
    /// The snapshots, then the stream's events, with a heartbeat whenever nothing was sent for a
    /// while; a per-document feed ends after the final event.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<ProgressEvent>> Stream(
        IReadOnlyList<ProgressEvent> snapshots,
        IAsyncEnumerable<ProgressEntry> events,
        bool endAtFinal,
        ProgressStreamOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var snapshot in snapshots)
        {
            yield return new SseItem<ProgressEvent>(snapshot, StateEventType) { ReconnectionInterval = options.ReconnectionInterval };
        }

        var enumerator = events.GetAsyncEnumerator(cancellationToken);
        var next = enumerator.MoveNextAsync().AsTask();
        try
        {
            while (true)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                if (await Task.WhenAny(next, Task.Delay(options.HeartbeatInterval, heartbeat.Token)) != next)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        yield break;
                    }

                    yield return new SseItem<ProgressEvent>(null!, HeartbeatEventType);
                    continue;
                }

                await heartbeat.CancelAsync();
                if (!await next)
                {
                    yield break;
                }

                var entry = enumerator.Current;
                yield return new SseItem<ProgressEvent>(entry.Event, ProgressEventType) { EventId = entry.Id };
                if (endAtFinal && entry.Event.Final)
                {
                    yield break;
                }

                next = enumerator.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            // An async iterator cannot be disposed while a MoveNextAsync is pending (a client that
            // went away mid-wait): let the cancelled read finish first.
            await next.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await enumerator.DisposeAsync();
        }
    }

    /// <summary>What a finished document's stream still holds after the cursor: it will get nothing new.</summary>
    private static async IAsyncEnumerable<ProgressEntry> Remaining(ProgressFeed feed, string streamKey, string cursor)
    {
        while (true)
        {
            var batch = await feed.ReadAsync(streamKey, cursor);
            if (batch.Count == 0)
            {
                yield break;
            }

            foreach (var entry in batch)
            {
                cursor = entry.Id;
                yield return entry;
            }
        }
    }

    private static bool TryCursor(string? lastEventId, out string cursor)
    {
        cursor = string.IsNullOrEmpty(lastEventId) ? ProgressFeed.Beginning : lastEventId;
        return StreamId().IsMatch(cursor);
    }

    private static ProblemHttpResult InvalidCursor() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid Last-Event-ID", detail: "Last-Event-ID must be an event id this feed sent (like 1764345600000-0).");

    /// <summary>Reverse proxies (nginx and those modelled on it) would otherwise hold events back.</summary>
    private static void DisableProxyBuffering(HttpContext http) => http.Response.Headers["X-Accel-Buffering"] = "no";

    [GeneratedRegex(@"^\d{1,20}-\d{1,20}$")]
    private static partial Regex StreamId();
}
