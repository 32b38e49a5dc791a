using System.Diagnostics;
using System.Text.Json;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Queue.Outbox;

/// <summary>
/// Adds jobs to the outbox of the caller's unit of work, so they commit (or not) with the state
/// change that needs them; <see cref="OutboxDispatcher"/> sends them on.
/// </summary>
public sealed class OutboxWriter(OutboxSignal signal, TimeProvider time)
{
    public void Add(LexIntelDbContext db, JobMessage job)
    {
        var current = Activity.Current;
        var message = job with
        {
            EnqueuedAt = job.EnqueuedAt == default ? time.GetUtcNow() : job.EnqueuedAt,
            TraceParent = job.TraceParent ?? current?.Id,
            TraceState = job.TraceState ?? current?.TraceStateString,
        };
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Kind = job.Kind,
            Payload = JsonSerializer.Serialize(message),
            CreatedAt = time.GetUtcNow(),
        });
    }

    /// <summary>Call after committing: dispatches now instead of at the next poll.</summary>
    public void Dispatch() => signal.Notify();
}
