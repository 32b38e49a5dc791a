using LexIntel.Shared.Data;
using LexIntel.Shared.Deletion;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using LexIntel.Shared.Queue.Outbox;
using LexIntel.Shared.Storage;

namespace LexIntel.WorkerService.Cleanup;

/// <summary>
/// Removes what deleted documents and cases left outside their rows: jobs still in the outbox, jobs
/// and idempotency markers in Redis, progress feeds, stored files. Each step removes what is there
/// and passes over what is gone, so a cleanup cut off anywhere is simply run again.
/// </summary>
internal sealed class DeletionCleaner(LexIntelDbContext db, QueuedJobs jobs, ProgressFeed progress, IFileStore store)
{
    /// <summary>
    /// Cleans up after <paramref name="deletions"/>; returns the (case, document) of jobs that were
    /// in flight, which may still write after this and so need the cleanups naming them run again.
    /// </summary>
    public async Task<IReadOnlyList<(Guid CaseId, Guid DocumentId)>> CleanAsync(IReadOnlyList<DeletionCleanup> deletions, CancellationToken cancellationToken)
    {
        var documentIds = deletions.SelectMany(d => d.DocumentIds).ToHashSet();
        var caseIds = deletions.Where(d => d.CaseDeleted).Select(d => d.CaseId).ToHashSet();

        // First, or a job still in the outbox would reach Redis after the cleanup.
        await OutboxJobs.CancelAsync(db, documentIds, caseIds, cancellationToken);
        var inFlight = await jobs.RemoveAsync(documentIds, caseIds, cancellationToken);
        await progress.DeleteFeedsAsync(documentIds, caseIds, cancellationToken);
        foreach (var deletion in deletions)
        {
            foreach (var documentId in deletion.DocumentIds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await store.DeleteAsync(StorageKeys.ForDocument(deletion.TenantId, deletion.CaseId, documentId));
            }
        }

        return inFlight;
    }
}
