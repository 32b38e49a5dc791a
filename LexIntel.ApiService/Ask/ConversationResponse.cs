using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Ask;

public sealed record ConversationResponse(Guid Id, Guid CaseId, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ConversationTurnResponse> Turns)
{
    public static ConversationResponse From(Conversation conversation, bool withTurns) => new(
        conversation.Id,
        conversation.CaseId,
        conversation.Title,
        conversation.CreatedAt,
        conversation.UpdatedAt,
        withTurns ? [.. conversation.Turns.OrderBy(t => t.Ordinal).Select(ConversationTurnResponse.From)] : []);
}
