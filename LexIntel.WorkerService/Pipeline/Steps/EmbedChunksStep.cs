using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Embeddings;
using LexIntel.Shared.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Pgvector;

namespace LexIntel.WorkerService.Pipeline.Steps;

/// <summary>
/// Embeds every passage of the document that has no vector yet, in batches, so progress moves and
/// a redelivered job resumes where the last attempt stopped. A passage is embedded without its
/// context header: embedded with it, every passage of a document leaned towards the same caption and
/// semantic search told a document's pages apart worse (labelled set, development half: nDCG@10
/// 0.748 without, 0.699 with).
/// </summary>
internal sealed class EmbedChunksStep(LexIntelDbContext db, DocumentStages stages, IEmbeddingGenerator<string, Embedding<float>> embeddings) : IDocumentStep
{
    /// <summary>Passages per round: several model batches (run in parallel), saved and reported together.</summary>
    private const int BatchSize = 64;

    public PipelineStep Step => DocumentPipeline.Embed;

    public string Describe(DocumentRun run) => "Computing embeddings";

    public async Task<StepResult> RunAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        var documentId = run.Document.Id;
        var total = await db.DocumentChunks.CountAsync(c => c.DocumentId == documentId, cancellationToken);
        var done = total - await db.DocumentChunks.CountAsync(c => c.DocumentId == documentId && c.Embedding == null, cancellationToken);
        while (true)
        {
            // Only what the model needs: the row also holds the search vector, which is as large as the text.
            var batch = await db.DocumentChunks
                .Where(c => c.DocumentId == documentId && c.Embedding == null)
                .OrderBy(c => c.Ordinal)
                .Take(BatchSize)
                .Select(c => new { c.Id, c.Text })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return StepResult.Success;
            }

            GeneratedEmbeddings<Embedding<float>> generated;
            try
            {
                generated = await embeddings.GenerateAsync(batch.Select(c => c.Text), cancellationToken: cancellationToken);
            }
            catch (EmbeddingDimensionMismatchException ex)
            {
                return StepResult.Fail("embedding_misconfigured", ex.Message);
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
            await stages.ReportAsync(run.Job, ProcessingStatus.Embedding, Step.PercentAt(done, total), $"Embedded {done} of {total} passages", cancellationToken);
        }
    }
}
