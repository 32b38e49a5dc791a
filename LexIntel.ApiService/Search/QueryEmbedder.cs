using LexIntel.Shared.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Search;

/// <summary>
/// Embeds search queries with the same generator as the passages, with the model's query prefix,
/// remembering recent ones: paging through results or asking again costs no model run.
/// </summary>
public sealed class QueryEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, IMemoryCache cache, IOptions<EmbeddingOptions> options)
{
    public async Task<ReadOnlyMemory<float>> EmbedAsync(string query, CancellationToken cancellationToken)
    {
        var key = (nameof(QueryEmbedder), query);
        if (cache.TryGetValue(key, out ReadOnlyMemory<float> cached))
        {
            return cached;
        }

        var embeddings = await generator.GenerateAsync([options.Value.EffectiveQueryPrefix + query], cancellationToken: cancellationToken);
        var vector = embeddings[0].Vector;
        cache.Set(key, vector, new MemoryCacheEntryOptions { Size = 1 });
        return vector;
    }
}
