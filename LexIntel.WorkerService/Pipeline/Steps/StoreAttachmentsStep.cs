using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Queue;

namespace LexIntel.WorkerService.Pipeline.Steps;

/// <summary>
/// Files carried inside the document (an e-mail's attachments) become documents of the case and
/// start their own runs. Done before the parent's own text is judged, so that an e-mail with an
/// empty body still delivers its attachments.
/// </summary>
internal sealed class StoreAttachmentsStep(AttachmentDocuments attachments, JobPublisher publisher) : IDocumentStep
{
    public PipelineStep Step => DocumentPipeline.StoreAttachments;

    public bool AppliesTo(DocumentRun run) => run.Extracted.Attachments.Count > 0;

    public string Describe(DocumentRun run) => $"Storing {run.Extracted.Attachments.Count} attachment(s)";

    public async Task<StepResult> RunAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        foreach (var child in await attachments.AddAsync(run.Document, run.Extracted.Attachments, cancellationToken))
        {
            await publisher.EnqueueAsync(DocumentJobs.Extract(child), cancellationToken);
        }

        return StepResult.Success;
    }
}
