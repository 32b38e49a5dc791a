using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Embeddings;
using LexIntel.Shared.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Pgvector;

namespace LexIntel.WorkerService.Pipeline;

/// <summary>
/// Embeds every chunk of the run that has no vector yet, in batches (so progress moves and a
/// redelivery resumes where the last attempt stopped), then marks the document Ready once none is
/// missing: Ready always means fully searchable.
/// </summary>
internal sealed partial class EmbedHandler(
    LexIntelDbContext db,
    DocumentStages stages,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    TimeProvider time,
    ILogger<EmbedHandler> logger) : IJobHandler
{
    /// <summary>Passages per round: several model batches (run in parallel), saved and reported together.</summary>
    private const int BatchSize = 64;

    public async Task HandleAsync(JobMessage job, CancellationToken cancellationToken)
    {
        if (await stages.CurrentRunAsync(job, cancellationToken) is null)
        {
            LogNothingToDo(job.DocumentId, job.RunNumber);
            return;
        }

        var total = await db.DocumentChunks.CountAsync(c => c.DocumentId == job.DocumentId, cancellationToken);
        var done = total - await db.DocumentChunks.CountAsync(c => c.DocumentId == job.DocumentId && c.Embedding == null, cancellationToken);
        while (true)
        {
            // Only what the model needs: the row also holds the search vector, which is as large as the text.
            var batch = await db.DocumentChunks
                .Where(c => c.DocumentId == job.DocumentId && c.Embedding == null)
                .OrderBy(c => c.Ordinal)
                .Take(BatchSize)
                .Select(c => new { c.Id, c.Text })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            GeneratedEmbeddings<Embedding<float>> generated;
            try
            {
                generated = await embeddings.GenerateAsync(batch.Select(c => c.Text), cancellationToken: cancellationToken);
            }
            catch (EmbeddingDimensionMismatchException ex)
            {
                throw new PermanentJobException("embedding_misconfigured", ex.Message, ex);
            }

            // One statement for the batch; a chunk embedded meanwhile by a redelivered job keeps its vector.
            var ids = batch.Select(c => c.Id).ToArray();
            var vectors = generated.Select(v => new Vector(v.Vector)).ToArray();
            await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE "DocumentChunks" AS c SET "Embedding" = v.embedding
                FROM unnest({ids}, {vectors}) AS v(id, embedding)
                WHERE c."Id" = v.id AND c."Embedding" IS NULL
                """,
                cancellationToken);
            done = Math.Min(total, done + batch.Count);
            await stages.ReportAsync(job, ProcessingStatus.Embedding, 60 + (35 * done / Math.Max(1, total)), $"Embedded {done} of {total} passages", cancellationToken);
        }

        if (!await stages.MoveToAsync(job, ProcessingStatus.Indexing, 96, "Indexing", cancellationToken))
        {
            LogNothingToDo(job.DocumentId, job.RunNumber);
            return;
        }

        var now = time.GetUtcNow();
        var ready = await db.Documents
            .Where(d => d.Id == job.DocumentId && d.RunNumber == job.RunNumber && d.Status == ProcessingStatus.Indexing
                && !db.DocumentChunks.Any(c => c.DocumentId == d.Id && c.Embedding == null))
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, ProcessingStatus.Ready).SetProperty(d => d.UpdatedAt, now), cancellationToken);
        if (ready == 0)
        {
            // A concurrent re-extraction replaced the chunks; its own embed job finishes the run.
            LogNothingToDo(job.DocumentId, job.RunNumber);
            return;
        }

        var citations = await db.Citations.CountAsync(c => c.DocumentId == job.DocumentId, cancellationToken);
        await stages.ReportAsync(job, ProcessingStatus.Ready, 100, $"Ready: {total} passages, {citations} citations", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} run {Run} is finished, superseded or gone; nothing to embed")]
    private partial void LogNothingToDo(Guid documentId, int run);
}
