namespace LexIntel.ApiService.Ask;

public sealed record AskRequest
{
    public string? Question { get; init; }

    /// <summary>Ask within a conversation: earlier turns inform retrieval and the answer, and the turn is kept.</summary>
    public Guid? ConversationId { get; init; }
}
