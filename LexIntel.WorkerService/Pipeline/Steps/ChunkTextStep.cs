using LexIntel.Shared.Pipeline;
using LexIntel.WorkerService.Chunking;
using LexIntel.WorkerService.Extraction;

namespace LexIntel.WorkerService.Pipeline.Steps;

/// <summary>Splits the cleaned pages into the passages that are searched, cited and embedded.</summary>
internal sealed class ChunkTextStep(TextChunker chunker) : IDocumentStep
{
    public PipelineStep Step => DocumentPipeline.Chunk;

    public string Describe(DocumentRun run) => $"Splitting {run.Cleaned.Pages.Count} page(s) into passages";

    public Task<StepResult> RunAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        run.Text = DocumentText.From([.. run.Cleaned.Pages.Select(p => p.Page)]);
        run.Chunks = chunker.Chunk(run.Text);
        return Task.FromResult(run.Chunks.Count > 0
            ? StepResult.Success
            : StepResult.Fail(ExtractionFailures.NoTextCode, "the document contains no text"));
    }
}
