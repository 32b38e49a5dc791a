namespace LexIntel.Shared.Data.Entities;

/// <summary>
/// A job written in the same transaction as the state change that needs it, then dispatched to
/// Redis; so an upload succeeds, and its job goes out, even while Redis is down.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public required string Kind { get; set; }

    /// <summary>The job as JSON.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }
}
