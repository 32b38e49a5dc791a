using LexIntel.Shared.Pipeline;

namespace LexIntel.WorkerService.Pipeline;

/// <summary>
/// The work of one declared <see cref="PipelineStep"/>. A step does one thing to a document's run
/// and says how it went; anything it throws is retried, a <c>PermanentJobException</c> is not.
/// Steps must be idempotent: a redelivered job runs them again.
/// </summary>
internal interface IDocumentStep
{
    /// <summary>The declaration this class implements (one class for each step of <see cref="DocumentPipeline.Steps"/>).</summary>
    PipelineStep Step { get; }

    /// <summary>False when the step has nothing to do for this run (it is then skipped without a progress event).</summary>
    bool AppliesTo(DocumentRun run) => true;

    /// <summary>What users see while the step runs.</summary>
    string Describe(DocumentRun run);

    Task<StepResult> RunAsync(DocumentRun run, CancellationToken cancellationToken);
}
