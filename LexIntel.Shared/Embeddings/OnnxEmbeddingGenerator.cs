using Microsoft.Extensions.AI;

namespace LexIntel.Shared.Embeddings;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> over the local arctic-embed-xs model. Callers
/// embedding a search query prepend <see cref="ArcticEmbedModel.QueryPrefix"/>; passages go as they are.
/// </summary>
public sealed class OnnxEmbeddingGenerator(ArcticEmbedModel model) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata metadata = new("onnx", defaultModelId: ArcticEmbedModel.ModelId, defaultModelDimensions: ArcticEmbedModel.Dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        foreach (var batch in texts.Chunk(model.MaxBatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = DateTimeOffset.UtcNow;
            foreach (var vector in model.Embed(batch))
            {
                result.Add(new Embedding<float>(vector) { ModelId = ArcticEmbedModel.ModelId, CreatedAt = now });
            }
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
