namespace LexIntel.ApiService.Ask;

public sealed record AskResponse(string Question, string Answer, string Kind, bool Answered, IReadOnlyList<AnswerReference> References, Guid? ConversationId)
{
    public static AskResponse From(string question, Answer answer, Guid? conversationId) =>
        new(question, answer.Text, answer.Kind, answer.Answered, answer.References, conversationId);
}
