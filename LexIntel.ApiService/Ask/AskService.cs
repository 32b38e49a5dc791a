using System.Text.Json;
using LexIntel.ApiService.Search;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Ask;

/// <summary>Retrieval for a question (with a conversation's context) and keeping the turn it becomes.</summary>
public sealed class AskService(LexIntelDbContext db, ChunkSearcher searcher, IOptions<AskOptions> options, TimeProvider time)
{
    /// <summary>Earlier turns a follow-up sees; older ones rarely matter and cost prompt space.</summary>
    private const int HistoryTurns = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(IReadOnlyList<SearchHit> Passages, IReadOnlyList<ConversationTurnText> History)> RetrieveAsync(Guid tenantId, Guid caseId, string question, Conversation? conversation, CancellationToken cancellationToken)
    {
        var history = conversation?.Turns.OrderBy(t => t.Ordinal).TakeLast(HistoryTurns).Select(t => new ConversationTurnText(t.Question, t.Answer)).ToList() ?? [];

        // A follow-up ("what did it decide about that?") is searched together with the question before it.
        var text = history.Count > 0 ? $"{history[^1].Question} {question}" : question;
        var result = await searcher.SearchAsync(
            new SearchQuery { TenantId = tenantId, CaseIds = [caseId], Text = text[..Math.Min(text.Length, SearchApi.MaxQueryLength)], Limit = options.Value.Passages },
            cancellationToken);
        return (result.Items, history);
    }

    public async Task SaveTurnAsync(Conversation conversation, string question, Answer answer, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        db.ConversationTurns.Add(new ConversationTurn
        {
            Id = Guid.CreateVersion7(now),
            ConversationId = conversation.Id,
            Ordinal = conversation.Turns.Count == 0 ? 1 : conversation.Turns.Max(t => t.Ordinal) + 1,
            Question = question,
            Answer = answer.Text,
            Kind = answer.Kind,
            Answered = answer.Answered,
            ReferencesJson = JsonSerializer.Serialize(answer.References, Json),
            CreatedAt = PostgresTime.Truncate(now),
        });
        conversation.UpdatedAt = PostgresTime.Truncate(now);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static IReadOnlyList<AnswerReference> ReferencesOf(ConversationTurn turn) =>
        JsonSerializer.Deserialize<List<AnswerReference>>(turn.ReferencesJson, Json) ?? [];
}
