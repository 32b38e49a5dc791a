namespace LexIntel.Shared.Data.Entities;

/// <summary>A user's line of questions about one case; follow-ups are answered with the earlier turns in mind.</summary>
public sealed class Conversation
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CaseId { get; set; }

    public Case? Case { get; set; }

    /// <summary>Who it belongs to; conversations are private to their user.</summary>
    public required string UserId { get; set; }

    public required string Title { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<ConversationTurn> Turns { get; } = [];
}
