using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using LexIntel.Shared.Data;
using LexIntel.Shared.Embeddings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LexIntel.Benchmarks.Infrastructure;

/// <summary>
/// The embedding model alone, configured as the worker configures it, in this process: what the
/// pipeline's chunks per second are compared with, on the very chunks the pipeline made and their
/// windows, which the worker embeds with them.
/// </summary>
internal sealed class EmbeddingModelBaseline : IDisposable
{
    private readonly ArcticEmbedModel model;
    private readonly OnnxEmbeddingGenerator generator;

    public EmbeddingModelBaseline()
    {
        var options = Options.Create(new EmbeddingOptions());
        model = new ArcticEmbedModel(options);
        generator = new OnnxEmbeddingGenerator(model, options);
    }

    /// <summary>
    /// What the worker embedded for each of the ready documents' chunks: its text, then its windows'
    /// texts; in document and chunk order, read from the app's database.
    /// </summary>
    public static async Task<List<string[]>> ChunkTextsAsync(DistributedApplication app, IEnumerable<UploadedDocument> documents, CancellationToken cancellationToken)
    {
        await using var db = new LexIntelDbContext(new DbContextOptionsBuilder<LexIntelDbContext>()
            .UseNpgsql(await app.GetConnectionStringAsync("lexintel", cancellationToken), o => o.UseVector()).Options);
        var ids = documents.Where(d => d.Status == "ready").Select(d => d.Id).ToList();
        var chunks = await db.DocumentChunks.AsNoTracking().Where(c => ids.Contains(c.DocumentId)).OrderBy(c => c.DocumentId).ThenBy(c => c.Ordinal).Select(c => new { c.Id, c.Text }).ToListAsync(cancellationToken);
        var windows = (await db.PassageWindows.AsNoTracking().Where(w => ids.Contains(w.Chunk!.DocumentId)).Select(w => new { w.ChunkId, w.Ordinal, w.CharStart, w.CharEnd }).ToListAsync(cancellationToken))
            .ToLookup(w => w.ChunkId);
        return [.. chunks.Select(c => (string[])[c.Text, .. windows[c.Id].OrderBy(w => w.Ordinal).Select(w => c.Text[w.CharStart..w.CharEnd])])];
    }

    /// <summary>A first batch, so that what is measured is not the model's first run.</summary>
    public Task WarmUpAsync(IEnumerable<string[]> chunks, CancellationToken cancellationToken) =>
        generator.GenerateAsync(chunks.Take(64).SelectMany(texts => texts), cancellationToken: cancellationToken);

    /// <summary>
    /// Chunks per second over <paramref name="chunks"/> in the worker's rounds: 64 chunks, their texts
    /// then their windows', so that texts of one length share a model batch as in the worker.
    /// </summary>
    public async Task<double> ChunksPerSecondAsync(IReadOnlyCollection<string[]> chunks, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var batch in chunks.Chunk(64))
        {
            await generator.GenerateAsync([.. batch.Select(texts => texts[0]), .. batch.SelectMany(texts => texts.Skip(1))], cancellationToken: cancellationToken);
        }

        return chunks.Count / clock.Elapsed.TotalSeconds;
    }

    public void Dispose()
    {
        generator.Dispose();
        model.Dispose();
    }
}
