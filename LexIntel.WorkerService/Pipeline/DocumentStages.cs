using System.Linq.Expressions;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.WorkerService.Pipeline;

/// <summary>
/// Moves a document's run to its next stage in PostgreSQL (the source of truth) and tells its
/// progress feed. A run that is finished, superseded by a reprocess, or deleted does not move.
/// </summary>
internal sealed class DocumentStages(LexIntelDbContext db, ProgressFeed progress, TimeProvider time)
{
    /// <summary>True when the job's run is still current and now at the start of <paramref name="step"/>.</summary>
    public async Task<bool> MoveToAsync(JobMessage job, PipelineStep step, string message, CancellationToken cancellationToken)
    {
        var status = step.Status;
        var now = time.GetUtcNow();
        var moved = await CurrentRun(db.Documents, job)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, status).SetProperty(d => d.UpdatedAt, now), cancellationToken);
        if (moved == 0)
        {
            return false;
        }

        await ReportAsync(job, status, step.StartPercent, message, cancellationToken);
        return true;
    }

    public Task ReportAsync(JobMessage job, ProcessingStatus status, int percent, string message, CancellationToken cancellationToken) =>
        progress.AppendAsync(
            new ProgressEvent
            {
                DocumentId = job.DocumentId,
                CaseId = job.CaseId,
                Stage = DocumentPipeline.StageOf(status),
                Run = job.RunNumber,
                Percent = percent,
                Message = message,
                At = time.GetUtcNow(),
                Final = DocumentPipeline.IsFinal(status),
            },
            cancellationToken);

    /// <summary>The final event of a run that made the document ready, saying what it holds.</summary>
    public async Task ReportReadyAsync(JobMessage job, CancellationToken cancellationToken)
    {
        var passages = await db.DocumentChunks.CountAsync(c => c.DocumentId == job.DocumentId, cancellationToken);
        var citations = await db.Citations.CountAsync(c => c.DocumentId == job.DocumentId, cancellationToken);
        await ReportAsync(job, ProcessingStatus.Ready, 100, $"Ready: {passages} {(passages == 1 ? "passage" : "passages")}, {citations} {(citations == 1 ? "citation" : "citations")}", cancellationToken);
    }

    /// <summary>
    /// Appends the final event of the job's run again when the run is finished and its feed does
    /// not end with it. The run ends in PostgreSQL before its final event is appended to Redis, so
    /// the event is lost when Redis fails in between or loses its last second of writes (killed
    /// before the append-only file was synced); the job, unacknowledged, comes back and lands here.
    /// </summary>
    public async Task RestoreFinalEventAsync(JobMessage job, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .Where(OfJobRun(job))
            .Select(d => new { d.Status, d.FailureCode, d.FailureReason, d.UpdatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        switch (document?.Status)
        {
            case ProcessingStatus.Ready:
                await ReportReadyAsync(job, cancellationToken);
                break;
            case ProcessingStatus.Failed:
                await progress.AppendAsync(ProgressEvent.Failure(job.DocumentId, job.CaseId, job.RunNumber, document.FailureCode ?? string.Empty, document.FailureReason ?? string.Empty, document.UpdatedAt), cancellationToken);
                break;
        }
    }

    /// <summary>The job's document when its run is current and unfinished; null when the job has nothing left to do.</summary>
    public Task<Document?> CurrentRunAsync(JobMessage job, CancellationToken cancellationToken) =>
        CurrentRun(db.Documents.AsNoTracking(), job).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The job's document while the job's run is its current one and unfinished (not reprocessed,
    /// deleted, ready or failed); see <see cref="OfJobRun"/>.
    /// </summary>
    public static IQueryable<Document> CurrentRun(IQueryable<Document> documents, JobMessage job) =>
        documents.Where(OfJobRun(job)).Where(d => !DocumentPipeline.FinalStatuses.Contains(d.Status));

    /// <summary>
    /// The job's document at the job's run, finished or not. The worker's context sees every tenant,
    /// so the document must also be of the job's tenant and case: a job naming another's document
    /// does nothing, and progress reaches only the feed of the case the document is in.
    /// </summary>
    public static Expression<Func<Document, bool>> OfJobRun(JobMessage job) =>
        d => d.Id == job.DocumentId && d.TenantId == job.TenantId && d.CaseId == job.CaseId && d.RunNumber == job.RunNumber;
}
