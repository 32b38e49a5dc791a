using LexIntel.Shared.Citations;
using LexIntel.Shared.Embeddings;

namespace LexIntel.ApiService.Search;

internal static class SearchServiceExtensions
{
    /// <summary>Search needs the passages' embedding model (for queries) and the citation extractor (for the cites filter and keyword phrases).</summary>
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SearchOptions.SectionName);
        builder.Services.AddOptions<SearchOptions>().Bind(section)
            .Validate(o => o.RrfK > 0 && o.KeywordWeight > 0 && o.SemanticWeight > 0, $"{SearchOptions.SectionName}: RrfK, KeywordWeight and SemanticWeight must be positive.")
            .Validate(o => o.CandidateDepth > 0 && o.EfSearch > 0 && o.KeywordRankWindow >= o.CandidateDepth, $"{SearchOptions.SectionName}: CandidateDepth and EfSearch must be positive, KeywordRankWindow at least CandidateDepth.")
            .ValidateOnStart();
        builder.AddLexIntelEmbeddings();
        builder.Services.AddMemoryCache(cache => cache.SizeLimit = section.GetValue(nameof(SearchOptions.QueryEmbeddingCacheEntries), new SearchOptions().QueryEmbeddingCacheEntries));
        builder.Services.AddSingleton<QueryEmbedder>();
        builder.Services.AddSingleton<ICitationExtractor, CitationExtractor>();
        builder.Services.AddScoped<ChunkSearcher>();
        return builder;
    }
}
