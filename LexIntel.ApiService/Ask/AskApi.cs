using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Cases;
using LexIntel.ApiService.Limits;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.Ask;

public static class AskApi
{
    public const int MaxQuestionLength = 2000;

    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases/{caseId:guid}")
            .WithTags("Ask")
            .RequireTenant();

        api.MapPost("/ask", Ask)
            .WithName(nameof(Ask))
            .WithSummary("Ask a question of a case's documents")
            .WithDescription("Answers only from passages found by hybrid search; every `[n]` in the answer is one of `references` (document, pages, quote). `answered` is false when the passages do not contain the answer. With a language model configured the answer is `generated`, otherwise `extractive` (quoted sentences). With `conversationId`, earlier turns inform the answer and the turn is kept.")
            .WithRateLimit(RateLimitPolicies.Ask);

        api.MapPost("/ask/stream", AskStream)
            .WithName(nameof(AskStream))
            .WithSummary("Ask, with the answer streamed (text/event-stream)")
            .WithDescription("`passages` (what was retrieved, numbered as the answer cites them), then `delta` events with text as it is produced, then `answer` with the whole response as `/ask` returns it.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .WithRateLimit(RateLimitPolicies.Ask)
            .DisableRequestTimeout();

        return app;
    }

    public static async Task<Results<Ok<AskResponse>, ProblemHttpResult, ValidationProblem>> Ask(
        [AsParameters] AskParameters parameters,
        CancellationToken cancellationToken)
    {
        var (prepared, problem, invalid) = await PrepareAsync(parameters, cancellationToken);
        if (prepared is null)
        {
            return problem is not null ? problem : invalid!;
        }

        var answer = prepared.Passages.Count == 0
            ? NothingToAnswerFrom(parameters.Answerer)
            : await parameters.Answerer.AnswerAsync(prepared.Question, prepared.Passages, prepared.History, cancellationToken);
        if (prepared.Conversation is not null)
        {
            await parameters.Ask.SaveTurnAsync(prepared.Conversation, prepared.Question, answer, cancellationToken);
        }

        return TypedResults.Ok(AskResponse.From(prepared.Question, answer, prepared.Conversation?.Id));
    }

    public static async Task<Results<ServerSentEventsResult<object>, ProblemHttpResult, ValidationProblem>> AskStream(
        [AsParameters] AskParameters parameters,
        CancellationToken cancellationToken)
    {
        var (prepared, problem, invalid) = await PrepareAsync(parameters, cancellationToken);
        if (prepared is null)
        {
            return problem is not null ? problem : invalid!;
        }

        parameters.Http.HttpContext.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(Stream(prepared, parameters.Ask, parameters.Answerer, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<object>> Stream(
        PreparedQuestion prepared,
        AskService ask,
        IAnswerer answerer,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (question, conversation, passages, history) = prepared;
        yield return new SseItem<object>(
            passages.Select((p, i) => ExtractiveAnswerer.Reference(i + 1, p, p.Highlight)).ToList(),
            "passages");

        var parts = passages.Count == 0
            ? Once(new AnswerPart(null, NothingToAnswerFrom(answerer)))
            : answerer.StreamAsync(question, passages, history, cancellationToken);
        await foreach (var part in parts)
        {
            if (part.Delta is { } delta)
            {
                yield return new SseItem<object>(delta, "delta");
            }

            if (part.Final is { } answer)
            {
                if (conversation is not null)
                {
                    await ask.SaveTurnAsync(conversation, question, answer, cancellationToken);
                }

                yield return new SseItem<object>(AskResponse.From(question, answer, conversation?.Id), "answer");
            }
        }
    }

    private static async IAsyncEnumerable<AnswerPart> Once(AnswerPart part)
    {
        await Task.CompletedTask;
        yield return part;
    }

    private static Answer NothingToAnswerFrom(IAnswerer answerer) =>
        new("The case has no searchable passages to answer from yet.", answerer is ChatAnswerer ? Answer.Generated : Answer.Extractive, Answered: false, []);

    /// <summary>The question checked, its conversation found, and the passages to answer from; or why not.</summary>
    private static async Task<(PreparedQuestion? Prepared, ProblemHttpResult? Problem, ValidationProblem? Invalid)> PrepareAsync(
        AskParameters parameters,
        CancellationToken cancellationToken)
    {
        var (caseId, request, _, db, tenant, ask, _, audit) = parameters;
        var question = request.Question?.Trim() ?? string.Empty;
        if (question.Length == 0 || question.Length > MaxQuestionLength)
        {
            return (null, null, TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["question"] = [question.Length == 0 ? "A question is needed." : $"The question is {question.Length} characters long; at most {MaxQuestionLength} are allowed."],
            }));
        }

        Conversation? conversation = null;
        if (request.ConversationId is { } conversationId)
        {
            conversation = await db.Conversations.Include(c => c.Turns)
                .SingleOrDefaultAsync(c => c.Id == conversationId && c.CaseId == caseId && c.TenantId == tenant.TenantId && c.UserId == tenant.UserId, cancellationToken);
            if (conversation is null)
            {
                return (null, ConversationsApi.ConversationNotFound(conversationId), null);
            }
        }

        await audit.RecordAsync(AuditActions.Ask, caseId, detail: conversation is null ? null : $"conversation {conversation.Id}", cancellationToken: cancellationToken);
        var (passages, history) = await ask.RetrieveAsync(tenant.TenantId, caseId, question, conversation, cancellationToken);
        return (new PreparedQuestion(question, conversation, passages, history), null, null);
    }
}
