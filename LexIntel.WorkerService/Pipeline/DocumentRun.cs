using LexIntel.Shared.Citations;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Chunking;
using LexIntel.WorkerService.Extraction;

namespace LexIntel.WorkerService.Pipeline;

/// <summary>
/// One job's pass over a document's run: the document, and what the job's earlier steps produced
/// for its later ones. Nothing here outlives the job; what the next job needs is in PostgreSQL.
/// </summary>
internal sealed class DocumentRun(JobMessage job, Document document, Guid passId) : IAsyncDisposable
{
    private FileStream? original;
    private ExtractedDocument? extracted;
    private DocumentText? text;
    private IReadOnlyList<TextChunk>? chunks;
    private IReadOnlyList<FoundCitation>? citations;

    public JobMessage Job => job;

    public Document Document => document;

    /// <summary>
    /// Identifies this pass. The next job's key carries it: a redelivered job that replaced the
    /// output hands over a job of its own, a retried hand-over of the same output does not.
    /// </summary>
    public Guid PassId => passId;

    /// <summary>A local copy of the stored original, for the steps that read the file itself; deleted with the run.</summary>
    public FileStream Original { get => original ?? throw NotYet(nameof(Original)); set => original = value; }

    public ExtractedDocument Extracted { get => extracted ?? throw NotYet(nameof(Extracted)); set => extracted = value; }

    public DocumentText Text { get => text ?? throw NotYet(nameof(Text)); set => text = value; }

    public IReadOnlyList<TextChunk> Chunks { get => chunks ?? throw NotYet(nameof(Chunks)); set => chunks = value; }

    public IReadOnlyList<FoundCitation> Citations { get => citations ?? throw NotYet(nameof(Citations)); set => citations = value; }

    public ValueTask DisposeAsync() => original?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static InvalidOperationException NotYet(string what) =>
        new($"{what} is produced by an earlier step of the same job; check the order of DocumentPipeline.Steps.");
}
