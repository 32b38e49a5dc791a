using System.Diagnostics.CodeAnalysis;
using LexIntel.Shared.Citations;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Queue;
using LexIntel.Shared.Storage;
using LexIntel.WorkerService.Chunking;
using LexIntel.WorkerService.Extraction;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.WorkerService.Pipeline;

/// <summary>
/// Extract → chunk → cite for one run of a document, then one transaction that replaces the
/// document's chunks and citations and moves it to Embedding; then the embed job. Running it again
/// for the same run replaces its output, so redeliveries never duplicate anything.
/// </summary>
internal sealed partial class ExtractHandler(
    LexIntelDbContext db,
    DocumentStages stages,
    IFileStore store,
    DocumentExtractors extractors,
    TextChunker chunker,
    ICitationExtractor citations,
    AttachmentDocuments attachments,
    JobPublisher publisher,
    TimeProvider time,
    ILogger<ExtractHandler> logger) : IJobHandler
{
    public async Task HandleAsync(JobMessage job, CancellationToken cancellationToken)
    {
        var document = await stages.CurrentRunAsync(job, cancellationToken);
        if (document is null || !await stages.MoveToAsync(job, ProcessingStatus.Extracting, 5, $"Extracting text from {document.OriginalFileName}", cancellationToken))
        {
            LogNothingToDo(job.DocumentId, job.RunNumber);
            return;
        }

        var extracted = Extract(document, cancellationToken);
        await stages.MoveToAsync(job, ProcessingStatus.Chunking, 30, $"Splitting {extracted.Pages.Count} page(s) into passages", cancellationToken);
        var text = DocumentText.From(extracted.Pages);
        var chunks = chunker.Chunk(text);
        if (chunks.Count == 0)
        {
            throw ExtractionFailures.NoText("the document contains no text");
        }

        await stages.MoveToAsync(job, ProcessingStatus.Citations, 50, $"Finding citations in {chunks.Count} passages", cancellationToken);
        var found = citations.Extract(text.Text);

        var generation = await ReplaceOutputAsync(job, document, text, chunks, found, cancellationToken);
        if (generation is null)
        {
            LogNothingToDo(job.DocumentId, job.RunNumber);
            return;
        }

        if (extracted.Attachments.Count > 0)
        {
            foreach (var child in await attachments.AddAsync(document, extracted.Attachments, cancellationToken))
            {
                await publisher.EnqueueAsync(DocumentJobs.Extract(child), cancellationToken);
            }
        }

        await stages.ReportAsync(job, ProcessingStatus.Embedding, 60, $"Computing embeddings for {chunks.Count} passages", cancellationToken);

        // One embed job per extraction output: a redelivered extract that replaced the chunks gets
        // an embed job of its own, a retried enqueue of the same output does not.
        await publisher.EnqueueAsync(
            job with { Kind = JobKinds.Embed, Key = $"{JobKinds.Embed}:{job.DocumentId}:{job.RunNumber}:{generation:N}", Attempt = 1, EnqueuedAt = default },
            cancellationToken);
    }

    private ExtractedDocument Extract(Document document, CancellationToken cancellationToken)
    {
        Stream content;
        try
        {
            content = store.OpenRead(document.StorageKey);
        }
        catch (FileNotFoundException ex)
        {
            throw new PermanentJobException("file_missing", "the stored file is missing; upload the document again", ex);
        }

        using (content)
        {
            return extractors.Extract(document.ContentType, content, cancellationToken);
        }
    }

    /// <summary>Replaces chunks and citations and moves the run to Embedding; null when the run is no longer current.</summary>
    private async Task<Guid?> ReplaceOutputAsync(
        JobMessage job,
        Document document,
        DocumentText text,
        IReadOnlyList<TextChunk> chunks,
        IReadOnlyList<FoundCitation> found,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var chunkEntities = chunks.Select(c => new DocumentChunk
        {
            Id = Guid.CreateVersion7(now),
            DocumentId = document.Id,
            Ordinal = c.Ordinal,
            Text = c.Text,
            PageStart = c.PageStart,
            PageEnd = c.PageEnd,
            CharStart = c.CharStart,
            CharEnd = c.CharEnd,
        }).ToList();

        var citationEntities = found.Select(c => new Citation
        {
            Id = Guid.CreateVersion7(now),
            DocumentId = document.Id,
            ChunkId = chunkEntities.FirstOrDefault(k => k.CharStart <= c.Start && c.Start < k.CharEnd)?.Id,
            Kind = c.Kind,
            RawText = Truncate(c.RawText, 1000),
            Normalized = Truncate(c.Normalized, 500),
            Volume = c.Volume,
            Reporter = Truncate(c.Reporter, 100),
            Page = c.Page,
            Title = Truncate(c.Title, 100),
            Section = Truncate(c.Section, 200),
            Pin = Truncate(c.Pin, 50),
            CaseName = Truncate(c.CaseName, 300),
            Court = Truncate(c.Court, 100),
            Year = c.Year,
            PageNumber = text.PageAt(c.Start),
            SpanStart = c.Start,
            SpanEnd = c.End,
        }).ToList();

        // The retrying execution strategy replays the whole unit, transaction included.
        var replaced = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            db,
            async (context, ct) =>
            {
                context.ChangeTracker.Clear();
                await using var transaction = await context.Database.BeginTransactionAsync(ct);
                await context.Citations.Where(c => c.DocumentId == document.Id).ExecuteDeleteAsync(ct);
                await context.DocumentChunks.Where(c => c.DocumentId == document.Id).ExecuteDeleteAsync(ct);
                await ChunkBulkWriter.WriteAsync(context, chunkEntities, ct);
                context.Citations.AddRange(citationEntities);
                await context.SaveChangesAsync(ct);

                var moved = await context.Documents
                    .Where(d => d.Id == document.Id && d.RunNumber == job.RunNumber && d.Status != ProcessingStatus.Ready && d.Status != ProcessingStatus.Failed)
                    .ExecuteUpdateAsync(
                        set => set
                            .SetProperty(d => d.Status, ProcessingStatus.Embedding)
                            .SetProperty(d => d.PageCount, text.PageCount)
                            .SetProperty(d => d.UpdatedAt, now),
                        ct);
                if (moved == 0)
                {
                    await transaction.RollbackAsync(ct);
                    return false;
                }

                await transaction.CommitAsync(ct);
                return true;
            },
            cancellationToken);

        db.ChangeTracker.Clear();
        return replaced ? chunkEntities[0].Id : null;
    }

    [return: NotNullIfNotNull(nameof(value))]
    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} run {Run} is finished, superseded or gone; nothing to extract")]
    private partial void LogNothingToDo(Guid documentId, int run);
}
