using LexIntel.Shared.Pipeline;
using LexIntel.WorkerService.Chunking;
using LexIntel.WorkerService.Context;
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
        var caption = DocumentCaption.Read(run.Cleaned.Pages.Count > 0 ? run.Cleaned.Pages[0].Page.Text : string.Empty, run.Cleaned.DocketNumber);
        var context = PassageContext.Of(run.Text, caption);
        run.Chunks = [.. chunker.Chunk(run.Text).Select(c => c with { Context = context.For(c) })];
        return Task.FromResult(run.Chunks.Count > 0
            ? StepResult.Success
            : StepResult.Fail(ExtractionFailures.NoTextCode, "the document contains no text"));
    }
}
