namespace LexIntel.Shared.Data.Entities;

/// <summary>One question of a conversation and the answer it got, with the references that answer cites.</summary>
public sealed class ConversationTurn
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public Conversation? Conversation { get; set; }

    public int Ordinal { get; set; }

    public required string Question { get; set; }

    public required string Answer { get; set; }

    /// <summary>extractive or generated.</summary>
    public required string Kind { get; set; }

    public bool Answered { get; set; }

    /// <summary>The answer's references as JSON, kept as they were when answered (documents may change later).</summary>
    public required string ReferencesJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
