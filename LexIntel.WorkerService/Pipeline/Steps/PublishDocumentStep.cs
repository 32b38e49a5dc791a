using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.WorkerService.Pipeline.Steps;

/// <summary>
/// Marks the document Ready once none of its passages lacks a vector, so Ready always means fully
/// searchable, and tells its progress feed that the run is done.
/// </summary>
internal sealed class PublishDocumentStep(LexIntelDbContext db, DocumentStages stages, TimeProvider time) : IDocumentStep
{
    public PipelineStep Step => DocumentPipeline.Publish;

    public string Describe(DocumentRun run) => "Indexing";

    public async Task<StepResult> RunAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        var documentId = run.Document.Id;
        var runNumber = run.Job.RunNumber;
        var indexing = Step.Status;
        var now = time.GetUtcNow();
        var ready = await db.Documents
            .Where(d => d.Id == documentId && d.RunNumber == runNumber && d.Status == indexing
                && !db.DocumentChunks.Any(c => c.DocumentId == d.Id && c.Embedding == null))
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, ProcessingStatus.Ready).SetProperty(d => d.UpdatedAt, now), cancellationToken);
        if (ready == 0)
        {
            // A concurrent re-extraction replaced the passages; its own embed job finishes the run.
            return StepResult.Superseded;
        }

        await stages.ReportReadyAsync(run.Job, cancellationToken);
        return StepResult.Success;
    }
}
