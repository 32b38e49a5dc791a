using System.Diagnostics;
using System.Text.Json;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Deletion;

namespace LexIntel.Shared.Queue.Outbox;

/// <summary>
/// Adds jobs to the outbox of the caller's unit of work, so they commit (or not) with the state
/// change that needs them; <see cref="OutboxDispatcher"/> sends them on. A deletion's cleanup goes
/// the same way and is carried out by the workers.
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
        Add(db, job.Kind, JsonSerializer.Serialize(message));
    }

    /// <summary>Adds a deletion's cleanup, which the workers carry out rather than the dispatcher.</summary>
    public void Add(LexIntelDbContext db, DeletionCleanup cleanup) => Add(db, DeletionCleanup.OutboxKind, JsonSerializer.Serialize(cleanup));

    private void Add(LexIntelDbContext db, string kind, string payload) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Kind = kind,
            Payload = payload,
            CreatedAt = time.GetUtcNow(),
        });

    /// <summary>Call after committing: dispatches now instead of at the next poll.</summary>
    public void Dispatch() => signal.Notify();
}
