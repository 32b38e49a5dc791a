namespace LexIntel.Shared.Data.Entities;

/// <summary>
/// A job written in the same transaction as the state change that needs it, then dispatched to
/// Redis; so an upload succeeds, and its job goes out, even while Redis is down. A deletion's
/// cleanup is kept the same way, so that a crash after the deletion's commit still has it done.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>The job's kind, or <see cref="Deletion.DeletionCleanup.OutboxKind"/> for a deletion's cleanup.</summary>
    public required string Kind { get; set; }

    /// <summary>The job, or the cleanup, as JSON.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the job was sent to Redis, or the cleanup was done.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }
}
