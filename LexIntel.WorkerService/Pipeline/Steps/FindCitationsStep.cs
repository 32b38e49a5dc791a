using LexIntel.Shared.Citations;
using LexIntel.Shared.Pipeline;

namespace LexIntel.WorkerService.Pipeline.Steps;

/// <summary>Finds the legal citations in the document's whole text (so a citation split across passages is still found).</summary>
internal sealed class FindCitationsStep(ICitationExtractor citations) : IDocumentStep
{
    public PipelineStep Step => DocumentPipeline.FindCitations;

    public string Describe(DocumentRun run) => $"Finding citations in {run.Chunks.Count} passages";

    public Task<StepResult> RunAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        run.Citations = citations.Extract(run.Text.Text);
        return Task.FromResult(StepResult.Success);
    }
}
