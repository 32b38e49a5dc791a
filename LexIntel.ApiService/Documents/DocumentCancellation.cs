using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.Documents;

/// <summary>
/// Stops a document's processing for good: the document ends <c>failed</c> with code
/// <see cref="Code"/> in PostgreSQL first (so every job still waiting for it finds nothing to do
/// and is dropped when it comes up), its feed gets the final event, and the job running for it
/// now is cancelled on whichever worker runs it.
/// </summary>
public sealed class DocumentCancellation(LexIntelDbContext db, ProgressFeed progress, JobCancellations jobs, TimeProvider time)
{
    public const string Code = "cancelled";

    /// <summary>
    /// False when the document was not being processed (any more): nothing was changed.
    /// <paramref name="recordAudit"/> adds the audit entry to this request's context, saved in the
    /// same transaction as the document's new state.
    /// </summary>
    public async Task<bool> CancelAsync(Document document, string reason, Action recordAudit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (id, run) = (document.Id, document.RunNumber);
        var cancelled = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // The caller found the document in its tenant; an operator's context has none.
            var updated = await db.Documents.IgnoreQueryFilters()
                .Where(d => d.Id == id && d.RunNumber == run && !DocumentPipeline.FinalStatuses.Contains(d.Status))
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(d => d.Status, ProcessingStatus.Failed)
                        .SetProperty(d => d.FailureCode, Code)
                        .SetProperty(d => d.FailureReason, reason)
                        .SetProperty(d => d.UpdatedAt, now),
                    cancellationToken);
            if (updated == 0)
            {
                return false;
            }

            recordAudit();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
        if (!cancelled)
        {
            return false;
        }

        await progress.AppendAsync(ProgressEvent.Failure(id, document.CaseId, run, Code, reason, now), CancellationToken.None);
        await jobs.RequestAsync(id);
        return true;
    }
}
