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
/// pipeline's chunks per second are compared with, on the very chunks the pipeline made.
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

    /// <summary>The texts of the ready documents' chunks, in document and chunk order, read from the app's database.</summary>
    public static async Task<List<string>> ChunkTextsAsync(DistributedApplication app, IEnumerable<UploadedDocument> documents, CancellationToken cancellationToken)
    {
        await using var db = new LexIntelDbContext(new DbContextOptionsBuilder<LexIntelDbContext>()
            .UseNpgsql(await app.GetConnectionStringAsync("lexintel", cancellationToken), o => o.UseVector()).Options);
        var ids = documents.Where(d => d.Status == "ready").Select(d => d.Id).ToList();
        return await db.DocumentChunks.AsNoTracking().Where(c => ids.Contains(c.DocumentId)).OrderBy(c => c.DocumentId).ThenBy(c => c.Ordinal).Select(c => c.Text).ToListAsync(cancellationToken);
    }

    /// <summary>A first batch, so that what is measured is not the model's first run.</summary>
    public Task WarmUpAsync(IEnumerable<string> texts, CancellationToken cancellationToken) =>
        generator.GenerateAsync(texts.Take(64), cancellationToken: cancellationToken);

    /// <summary>Chunks per second over <paramref name="texts"/> in the worker's batches of 64.</summary>
    public async Task<double> ChunksPerSecondAsync(IReadOnlyCollection<string> texts, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var batch in texts.Chunk(64))
        {
            await generator.GenerateAsync(batch, cancellationToken: cancellationToken);
        }

        return texts.Count / clock.Elapsed.TotalSeconds;
    }

    public void Dispose()
    {
        generator.Dispose();
        model.Dispose();
    }
}
