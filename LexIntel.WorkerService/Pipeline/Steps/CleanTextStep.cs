using LexIntel.Shared.Pipeline;
using LexIntel.WorkerService.TextCleanup;

namespace LexIntel.WorkerService.Pipeline.Steps;

/// <summary>
/// Takes the page furniture (filing stamps, running heads, page and line numbers) off the extracted
/// pages before they are chunked, so passages, embeddings and quotes carry the document's own text;
/// what was taken off is saved with the pages.
/// </summary>
internal sealed class CleanTextStep : IDocumentStep
{
    public PipelineStep Step => DocumentPipeline.Clean;

    public string Describe(DocumentRun run) => $"Removing page furniture from {run.Extracted.Pages.Count} page(s)";

    public Task<StepResult> RunAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        run.Cleaned = PageCleaner.Clean(run.Extracted.Pages);
        return Task.FromResult(StepResult.Success);
    }
}
