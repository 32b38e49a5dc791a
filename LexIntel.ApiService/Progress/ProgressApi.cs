using System.Text.RegularExpressions;
using LexIntel.ApiService.Cases;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.Limits;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using LexIntel.Shared.Progress;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.Progress;

/// <summary>
/// Live progress as Server-Sent Events: first the current state from PostgreSQL, then every event
/// after the client's <c>Last-Event-ID</c> from the Redis stream, then new ones as they come. Event
/// ids are stream ids, so a browser that reconnects resumes exactly where it left off.
/// </summary>
public static partial class ProgressApi
{
    public static IEndpointRouteBuilder MapProgressApi(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/progress")
            .WithTags("Progress")
            .RequireTenant();

        // The streams also take a progress ticket, as a browser's EventSource cannot send a token.
        var api = app.MapGroup("/api")
            .WithTags("Progress")
            .RequireTenant(Policies.ProgressReader)
            .AddEndpointFilter<ProgressStreamFilter>()
            .WithRateLimit(RateLimitPolicies.ProgressStreams)
            .WithMetadata(new DisableRequestTimeoutAttribute());
        var cases = api.MapCaseGroup();

        tickets.MapPost("/tickets", IssueProgressTicket)
            .WithName(nameof(IssueProgressTicket))
            .WithSummary("A ticket that lets a browser's EventSource open one progress stream")
            .WithDescription("Body: `documentId` or `caseId`. The ticket opens that stream only, for the caller only, within 60 seconds of its issue (an open stream stays open); `url` is the stream's URL with the ticket. A client that reconnects after that asks for a new ticket and passes `lastEventId`.");

        api.MapGet("/documents/{documentId:guid}/progress", DocumentProgress)
            .WithName(nameof(DocumentProgress))
            .WithSummary("Follow a document's processing (text/event-stream)")
            .WithDescription("A `state` event with the current state, then `progress` events (id = stream id) after `Last-Event-ID` (header or `?lastEventId=`); ends after the final event (ready or failed).")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

        cases.MapGet("/progress", CaseProgress)
            .WithName(nameof(CaseProgress))
            .WithSummary("Follow every document of a case (text/event-stream)")
            .WithDescription("A `state` event per document, then `progress` events of all the case's documents after `Last-Event-ID`; stays open.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

        return app;
    }

    public static async Task<Results<Ok<ProgressTicketResponse>, ProblemHttpResult, ValidationProblem>> IssueProgressTicket(
        ProgressTicketRequest request,
        LexIntelDbContext db,
        TenantContext tenant,
        ProgressTickets tickets,
        CancellationToken cancellationToken)
    {
        if (request is { DocumentId: { } documentId, CaseId: null })
        {
            return await CaseAccessRule.CaseOfDocumentAsync(db, tenant, documentId, cancellationToken) is { } owner
                && await CaseAccessRule.AccessAsync(db, tenant, owner, cancellationToken) is not null
                ? Issue(ProgressTicket.DocumentStream(documentId), $"/api/documents/{documentId}/progress")
                : DocumentsApi.DocumentNotFound(documentId);
        }

        if (request is { CaseId: { } caseId, DocumentId: null })
        {
            return await CaseAccessRule.AccessAsync(db, tenant, caseId, cancellationToken) is not null
                ? Issue(ProgressTicket.CaseStream(caseId), $"/api/cases/{caseId}/progress")
                : CasesApi.CaseNotFound(caseId);
        }

        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["documentId"] = ["Name either documentId or caseId, not both or neither."] });

        Ok<ProgressTicketResponse> Issue(string stream, string path)
        {
            var (ticket, expiresAt) = tickets.Issue(new ProgressTicket(tenant.TenantId, tenant.UserId, stream));
            return TypedResults.Ok(new ProgressTicketResponse(ticket, expiresAt, $"{path}?{ProgressTicketAuthenticationHandler.QueryParameter}={Uri.EscapeDataString(ticket)}"));
        }
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
        return TypedResults.ServerSentEvents(ProgressServerSentEvents.Create([snapshot], events, endAtFinal: true, request.Options.Value, request.Time, request.Http.Response.Body, request.Lifetime.ApplicationStopping, cancellationToken));
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
        var documents = await request.Db.Documents.AsNoTracking().Where(d => d.CaseId == caseId && d.TenantId == tenantId).OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken);
        DisableProxyBuffering(request.Http);
        var events = request.Feed.WatchAsync(ProgressKeys.Case(caseId), cursor, cancellationToken);
        return TypedResults.ServerSentEvents(ProgressServerSentEvents.Create([.. documents.Select(ProgressSnapshot.Of)], events, endAtFinal: false, request.Options.Value, request.Time, request.Http.Response.Body, request.Lifetime.ApplicationStopping, cancellationToken));
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
