using LexIntel.Shared.Data;
using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Queue;
using LexIntel.Shared.Queue.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Reconciliation;

/// <summary>
/// Finds unfinished documents that nothing will move on, because their run's job is gone (Redis
/// flushed or restarted without its data after the upload committed, a job removed by hand), and
/// queues each again under a new run, through the outbox.
/// </summary>
internal sealed partial class LostJobRepair(
    LexIntelDbContext db,
    QueuedJobs jobs,
    OutboxWriter outbox,
    IOptions<ReconcilerOptions> options,
    TimeProvider time,
    ILogger<LostJobRepair> logger)
{
    /// <summary>Re-queues the documents whose job was lost; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var quietSince = time.GetUtcNow() - options.Value.StuckDocumentGracePeriod;
        var stuck = await db.Documents.AsNoTracking()
            .Where(d => !DocumentPipeline.FinalStatuses.Contains(d.Status) && d.UpdatedAt < quietSince)
            .Select(d => new { d.Id, d.RunNumber, d.UpdatedAt })
            .ToListAsync(cancellationToken);
        if (stuck.Count == 0)
        {
            return 0;
        }

        // The outbox before Redis: a job dispatched in between is then found on its stream.
        var inOutbox = await OutboxJobs.DocumentsAsync(db, cancellationToken);
        var live = await jobs.ListLiveRunsAsync(cancellationToken);
        var requeued = 0;
        foreach (var document in stuck.Where(d => !inOutbox.Contains(d.Id) && !live.Contains((d.Id, d.RunNumber))))
        {
            if (await StartNewRunAsync(document.Id, document.RunNumber, document.UpdatedAt, cancellationToken))
            {
                LogRequeued(document.Id, document.RunNumber);
                requeued++;
            }
        }

        return requeued;
    }

    /// <summary>
    /// Queues the document under a new run, so that a job of the old run, should one turn up after
    /// all, finds itself superseded; false when the document changed since it was found stuck.
    /// </summary>
    private Task<bool> StartNewRunAsync(Guid documentId, int runNumber, DateTimeOffset updatedAt, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);

                // Locked, so no job moves it while it is queued again; one that moved it since it was
                // found (a new status, a new run, a deletion) was alive after all.
                var document = await db.Documents
                    .FromSql($"""SELECT * FROM "Documents" WHERE "Id" = {documentId} FOR UPDATE""")
                    .SingleOrDefaultAsync(ct);
                if (document is null || document.RunNumber != runNumber || document.UpdatedAt != updatedAt)
                {
                    return false;
                }

                document.StartNewRun(time.GetUtcNow());
                outbox.Add(db, DocumentJobs.Extract(document));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return true;
            },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} had no job for its run {Run}; queued again under a new run")]
    private partial void LogRequeued(Guid documentId, int run);
}
