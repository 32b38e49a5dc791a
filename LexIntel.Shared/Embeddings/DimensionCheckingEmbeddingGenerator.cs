using Microsoft.Extensions.AI;

namespace LexIntel.Shared.Embeddings;

/// <summary>
/// Stops vectors of the wrong length at the door: the chunk column is <c>vector(384)</c>, and a
/// remote model configured with another size would otherwise fail later inside a database write.
/// </summary>
public sealed class DimensionCheckingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, string model)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var embeddings = await base.GenerateAsync(values, options, cancellationToken);
        if (embeddings.FirstOrDefault(e => e.Vector.Length != ArcticEmbedModel.Dimensions) is { } wrong)
        {
            throw new EmbeddingDimensionMismatchException(
                $"The embedding model '{model}' returned {wrong.Vector.Length} dimensions; the index stores {ArcticEmbedModel.Dimensions}. "
                + $"Configure a model with {ArcticEmbedModel.Dimensions} dimensions or one that can shorten its vectors (such as text-embedding-3-small).");
        }

        return embeddings;
    }
}
