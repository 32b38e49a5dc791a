using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Extraction;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Pipeline.Steps;

/// <summary>
/// Files carried inside the document (an e-mail's attachments) become documents of the case and
/// start their own runs. Done before the parent's own text is judged, so that an e-mail with an
/// empty body still delivers its attachments. Attachments left out by a limit fail the parent, after
/// the ones within the limit are stored; attachments of attachments stop at
/// <see cref="ExtractionLimits.MaxEmailDepth"/> levels, as each level's e-mails could fan out again.
/// </summary>
internal sealed class StoreAttachmentsStep(AttachmentDocuments attachments, JobPublisher publisher, IOptions<ExtractionLimits> limits) : IDocumentStep
{
    public PipelineStep Step => DocumentPipeline.StoreAttachments;

    public bool AppliesTo(DocumentRun run) => run.Extracted.Attachments.Count > 0 || run.Extracted.AttachmentsLeftOut is not null;

    public string Describe(DocumentRun run) => $"Storing {run.Extracted.Attachments.Count} attachment(s)";

    public async Task<StepResult> RunAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        var maxDepth = limits.Value.MaxEmailDepth;
        if (await attachments.LevelAsync(run.Document, maxDepth, cancellationToken) >= maxDepth)
        {
            var tooDeep = ExtractionFailures.AttachmentsTooDeep(maxDepth);
            return StepResult.Fail(tooDeep.Code, tooDeep.Message);
        }

        foreach (var child in await attachments.AddAsync(run.Document, run.Extracted.Attachments, cancellationToken))
        {
            await publisher.EnqueueAsync(DocumentJobs.Extract(child), cancellationToken);
        }

        return run.Extracted.AttachmentsLeftOut is { } leftOut ? StepResult.Fail(leftOut.Code, leftOut.Message) : StepResult.Success;
    }
}
