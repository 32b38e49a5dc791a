using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LexIntel.Shared.Embeddings;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> over the local arctic-embed-xs model. Callers
/// embedding a search query prepend <see cref="ArcticEmbedModel.QueryPrefix"/>; passages go as they are.
/// A request is split into batches run on <see cref="EmbeddingOptions.Parallelism"/> single-threaded
/// model runs at once (shared by all callers), so one document's passages use every core and two
/// documents embedding together never oversubscribe them.
/// </summary>
public sealed class OnnxEmbeddingGenerator(ArcticEmbedModel model, IOptions<EmbeddingOptions> options, TimeProvider? time = null) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata metadata = new("onnx", defaultModelId: ArcticEmbedModel.ModelId, defaultModelDimensions: ArcticEmbedModel.Dimensions);

    private readonly int parallelism = Math.Max(1, options.Value.Parallelism);

    /// <summary>Model runs going at once in this process, across all callers: one per core, never more.</summary>
    private readonly ModelRunner runner = new(options.Value.Parallelism);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var texts = values as IReadOnlyList<string> ?? values.ToList();

        // Even batches, at least one per parallel run: a short document's dozen passages still use every core.
        var batchSize = Math.Clamp((texts.Count + parallelism - 1) / parallelism, 1, model.MaxBatchSize);
        var vectors = await Task.WhenAll(texts.Chunk(batchSize).Select(batch => RunAsync(batch, cancellationToken)));

        var now = (time ?? TimeProvider.System).GetUtcNow();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        result.AddRange(vectors.SelectMany(v => v).Select(v => new Embedding<float>(v) { ModelId = ArcticEmbedModel.ModelId, CreatedAt = now }));
        return result;
    }

    private Task<float[][]> RunAsync(string[] batch, CancellationToken cancellationToken) => runner.RunAsync(() => model.Embed(batch), cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => runner.Dispose();
}
