using LexIntel.ApiService.Cases;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.Ask;

/// <summary>A user's conversations about a case: created, listed, read back with every turn, deleted. Questions go to <c>/ask</c> with the conversation's id.</summary>
public static class ConversationsApi
{
    public const int MaxTitleLength = 300;
    public const int MaxListed = 200;

    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .WithTags("Conversations")
            .RequireTenant();
        var cases = api.MapCaseGroup();

        cases.MapPost("/conversations", CreateConversation)
            .WithName(nameof(CreateConversation))
            .WithSummary("Start a conversation about a case")
            .WithDescription("Private to the signed-in user. Ask follow-ups with `POST /api/cases/{caseId}/ask` and `conversationId`.");

        cases.MapGet("/conversations", ListConversations)
            .WithName(nameof(ListConversations))
            .WithSummary("The caller's conversations about a case, most recent first");

        api.MapGet("/conversations/{conversationId:guid}", GetConversation)
            .WithName(nameof(GetConversation))
            .WithSummary("A conversation with every question, answer and reference");

        api.MapDelete("/conversations/{conversationId:guid}", DeleteConversation)
            .WithName(nameof(DeleteConversation))
            .WithSummary("Delete a conversation");

        return app;
    }

    public static async Task<Results<Created<ConversationResponse>, ValidationProblem>> CreateConversation(
        Guid caseId,
        CreateConversationRequest? request,
        LexIntelDbContext db,
        TenantContext tenant,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var userId = tenant.UserId;
        var title = request?.Title?.Trim();
        if (title?.Length > MaxTitleLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["title"] = [$"A title has at most {MaxTitleLength} characters."] });
        }

        var now = PostgresTime.Truncate(time.GetUtcNow());
        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenant.TenantId,
            CaseId = caseId,
            UserId = userId,
            Title = string.IsNullOrEmpty(title) ? "Conversation" : title,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/conversations/{conversation.Id}", ConversationResponse.From(conversation, withTurns: true));
    }

    public static async Task<Ok<List<ConversationResponse>>> ListConversations(
        Guid caseId,
        LexIntelDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken)
    {
        var userId = tenant.UserId;
        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.TenantId == tenant.TenantId && c.CaseId == caseId && c.UserId == userId)
            .OrderByDescending(c => c.UpdatedAt)
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(conversations.Select(c => ConversationResponse.From(c, withTurns: false)).ToList());
    }

    public static async Task<Results<Ok<ConversationResponse>, ProblemHttpResult>> GetConversation(
        Guid conversationId,
        LexIntelDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken)
    {
        var userId = tenant.UserId;
        var conversation = await db.Conversations.AsNoTracking().Include(c => c.Turns)
            .SingleOrDefaultAsync(c => c.Id == conversationId && c.TenantId == tenant.TenantId && c.UserId == userId, cancellationToken);
        return conversation is null ? ConversationNotFound(conversationId) : TypedResults.Ok(ConversationResponse.From(conversation, withTurns: true));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteConversation(
        Guid conversationId,
        LexIntelDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken)
    {
        var userId = tenant.UserId;
        var deleted = await db.Conversations
            .Where(c => c.Id == conversationId && c.TenantId == tenant.TenantId && c.UserId == userId)
            .ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ConversationNotFound(conversationId) : TypedResults.NoContent();
    }

    internal static ProblemHttpResult ConversationNotFound(Guid conversationId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Conversation not found", detail: $"No conversation {conversationId} of yours exists in this tenant.");
}
