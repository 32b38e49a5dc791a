using Azure;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Storage;
using LexIntel.WorkerService.Extraction;

namespace LexIntel.WorkerService.Pipeline.Steps;

/// <summary>Reads the stored original and extracts its text, page by page, and the files it carries; the copy stays with the run for OCR.</summary>
internal sealed class ExtractTextStep(IFileStore store, ITextExtraction extraction) : IDocumentStep
{
    private const int CopyBufferSize = 81920;

    public PipelineStep Step => DocumentPipeline.Extract;

    public string Describe(DocumentRun run) => $"Extracting text from {run.Document.OriginalFileName}";

    public async Task<StepResult> RunAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        FileStream local;
        try
        {
            local = await CopyToScratchFileAsync(run.Document, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return StepResult.Fail("file_missing", "the stored file is missing; upload the document again");
        }
        catch (FileAlteredException)
        {
            return StepResult.Fail("file_altered", "the stored file does not match the upload (its SHA-256 differs): it was altered or damaged in storage; upload the document again");
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or IOException)
        {
            // The exception names the store's address: it is logged, not shown.
            return StepResult.Retry("the stored file could not be read", ex);
        }

        run.Original = local;
        run.Extracted = (await extraction.ExtractAsync(run.Document.ContentType, local, cancellationToken)).Normalized();
        return StepResult.Success;
    }

    /// <summary>
    /// The extractors read at random (a PDF's cross-reference table is at its end), which a blob
    /// read front to back is not; a scratch copy of this process's own, deleted when closed, also
    /// lets the whole file pass the SHA-256 check before any of it is parsed. Others may read it
    /// (the sandbox parsing it), none write it.
    /// </summary>
    private async Task<FileStream> CopyToScratchFileAsync(Document document, CancellationToken cancellationToken)
    {
        var local = new FileStream(
            Path.Combine(Path.GetTempPath(), $"lexintel-{document.Id:N}-{Guid.NewGuid():N}"),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.Read,
            CopyBufferSize,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await using (var stored = await store.OpenReadAsync(document.StorageKey, document.SizeBytes, document.Sha256, cancellationToken))
            {
                await stored.CopyToAsync(local, CopyBufferSize, cancellationToken);
            }

            local.Position = 0;
            return local;
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }
}
