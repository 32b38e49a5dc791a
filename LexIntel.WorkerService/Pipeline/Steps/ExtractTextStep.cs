using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Storage;
using LexIntel.WorkerService.Extraction;

namespace LexIntel.WorkerService.Pipeline.Steps;

/// <summary>Reads the stored original and extracts its text, page by page, and the files it carries.</summary>
internal sealed class ExtractTextStep(IFileStore store, DocumentExtractors extractors) : IDocumentStep
{
    public PipelineStep Step => DocumentPipeline.Extract;

    public string Describe(DocumentRun run) => $"Extracting text from {run.Document.OriginalFileName}";

    public Task<StepResult> RunAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        Stream content;
        try
        {
            content = store.OpenRead(run.Document.StorageKey);
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult(StepResult.Fail("file_missing", "the stored file is missing; upload the document again"));
        }
        catch (IOException ex)
        {
            // The exception names the file's path on the server: it is logged, not shown.
            return Task.FromResult(StepResult.Retry("the stored file could not be read", ex));
        }

        using (content)
        {
            run.Extracted = extractors.Extract(run.Document.ContentType, content, cancellationToken);
        }

        return Task.FromResult(StepResult.Success);
    }
}
