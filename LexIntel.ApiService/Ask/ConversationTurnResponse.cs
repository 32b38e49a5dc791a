using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Ask;

public sealed record ConversationTurnResponse(string Question, string Answer, string Kind, bool Answered, IReadOnlyList<AnswerReference> References, DateTimeOffset CreatedAt)
{
    public static ConversationTurnResponse From(ConversationTurn turn) =>
        new(turn.Question, turn.Answer, turn.Kind, turn.Answered, AskService.ReferencesOf(turn), turn.CreatedAt);
}
