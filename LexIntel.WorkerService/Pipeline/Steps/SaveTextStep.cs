using System.Diagnostics.CodeAnalysis;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.WorkerService.Pipeline.Steps;

/// <summary>
/// One transaction that replaces the document's passages, citations and pages (with the furniture
/// taken off them) with this pass's, and sets what the filing stamps said, so a redelivered job
/// never duplicates anything; rolled back when the run is no longer current.
/// </summary>
internal sealed class SaveTextStep(LexIntelDbContext db, TimeProvider time) : IDocumentStep
{
    public PipelineStep Step => DocumentPipeline.SaveText;

    public string Describe(DocumentRun run) => $"Saving {run.Chunks.Count} passages and {run.Citations.Count} citations";

    public async Task<StepResult> RunAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var documentId = run.Document.Id;
        var pageCount = run.Text.PageCount;
        var tenantId = run.Document.TenantId;
        var cleaned = run.Cleaned;
        var ocrPageCount = cleaned.Pages.Count(p => p.Page.ByOcr);
        var pages = cleaned.Pages.Select(p => new DocumentPage
        {
            TenantId = tenantId,
            DocumentId = documentId,
            Number = p.Page.Number,
            ExtractedByOcr = p.Page.ByOcr,
            Furniture = [.. p.Furniture],
        }).ToList();
        var chunks = run.Chunks.Select(c => new DocumentChunk
        {
            Id = Guid.CreateVersion7(now),
            DocumentId = documentId,
            Ordinal = c.Ordinal,
            Text = c.Text,
            Context = c.Context,
            PageStart = c.PageStart,
            PageEnd = c.PageEnd,
            CharStart = c.CharStart,
            CharEnd = c.CharEnd,
        }).ToList();
        var citations = run.Citations.Select(c => new Citation
        {
            Id = Guid.CreateVersion7(now),
            DocumentId = documentId,
            ChunkId = chunks.FirstOrDefault(k => k.CharStart <= c.Start && c.Start < k.CharEnd)?.Id,
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
            PageNumber = run.Text.PageAt(c.Start),
            SpanStart = c.Start,
            SpanEnd = c.End,
        }).ToList();

        // The retrying execution strategy replays the whole unit, transaction included.
        var saved = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            db,
            async (context, ct) =>
            {
                context.ChangeTracker.Clear();
                await using var transaction = await context.Database.BeginTransactionAsync(ct);
                await context.Citations.Where(c => c.DocumentId == documentId).ExecuteDeleteAsync(ct);
                await context.DocumentChunks.Where(c => c.DocumentId == documentId).ExecuteDeleteAsync(ct);
                await context.DocumentPages.Where(p => p.DocumentId == documentId).ExecuteDeleteAsync(ct);
                await ChunkBulkWriter.WriteAsync(context, chunks, ct);
                context.Citations.AddRange(citations);
                context.DocumentPages.AddRange(pages);
                await context.SaveChangesAsync(ct);

                var current = await DocumentStages.CurrentRun(context.Documents, run.Job)
                    .ExecuteUpdateAsync(
                        set => set
                            .SetProperty(d => d.PageCount, pageCount)
                            .SetProperty(d => d.OcrPageCount, ocrPageCount)
                            .SetProperty(d => d.DocketNumber, cleaned.DocketNumber)
                            .SetProperty(d => d.FiledOn, cleaned.FiledOn)
                            .SetProperty(d => d.UpdatedAt, now),
                        ct);
                if (current == 0)
                {
                    await transaction.RollbackAsync(ct);
                    return false;
                }

                await transaction.CommitAsync(ct);
                return true;
            },
            cancellationToken);

        db.ChangeTracker.Clear();
        return saved ? StepResult.Success : StepResult.Superseded;
    }

    [return: NotNullIfNotNull(nameof(value))]
    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
