using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.WorkerService.Pipeline;

/// <summary>
/// Marks the document of a job that failed for good as Failed, with the reason users are shown,
/// and tells its progress feed. Only the run the job belongs to is touched: a document since
/// reprocessed (newer run) or deleted is left alone, and so is one not of the job's tenant and case.
/// </summary>
internal sealed class DocumentFailureRecorder(LexIntelDbContext db, ProgressFeed progress, TimeProvider time) : IJobFailureRecorder
{
    private const int MaxReasonLength = 2000;

    public async Task RecordAsync(JobMessage job, JobFailure failure, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reason = failure.Reason.Length <= MaxReasonLength ? failure.Reason : failure.Reason[..(MaxReasonLength - 1)] + "…";
        var updated = await db.Documents
            .Where(DocumentStages.OfJobRun(job))
            .Where(d => d.Status != ProcessingStatus.Ready)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(d => d.Status, ProcessingStatus.Failed)
                    .SetProperty(d => d.FailureCode, failure.Code)
                    .SetProperty(d => d.FailureReason, reason)
                    .SetProperty(d => d.UpdatedAt, now),
                cancellationToken);
        if (updated == 0)
        {
            return;
        }

        await progress.AppendAsync(ProgressEvent.Failure(job.DocumentId, job.CaseId, job.RunNumber, failure.Code, reason, now), cancellationToken);
    }
}
