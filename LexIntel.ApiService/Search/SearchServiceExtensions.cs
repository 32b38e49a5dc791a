using LexIntel.Shared.Citations;
using LexIntel.Shared.Embeddings;

namespace LexIntel.ApiService.Search;

internal static class SearchServiceExtensions
{
    /// <summary>Search needs the passages' embedding model (for queries) and the citation extractor (for the cites filter).</summary>
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SearchOptions.SectionName);
        builder.Services.Configure<SearchOptions>(section);
        builder.AddLexIntelEmbeddings();
        builder.Services.AddMemoryCache(cache => cache.SizeLimit = section.GetValue(nameof(SearchOptions.QueryEmbeddingCacheEntries), new SearchOptions().QueryEmbeddingCacheEntries));
        builder.Services.AddSingleton<QueryEmbedder>();
        builder.Services.AddSingleton<ICitationExtractor, CitationExtractor>();
        builder.Services.AddScoped<ChunkSearcher>();
        return builder;
    }
}
