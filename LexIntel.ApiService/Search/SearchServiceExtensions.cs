using LexIntel.ApiService.ChatModel;
using LexIntel.ApiService.Search.Reranking;
using LexIntel.Shared.Citations;
using LexIntel.Shared.Embeddings;

namespace LexIntel.ApiService.Search;

internal static class SearchServiceExtensions
{
    /// <summary>
    /// Search needs the passages' embedding model (for queries), the citation extractor (for the
    /// cites filter and keyword phrases) and, to re-rank, the chat model.
    /// </summary>
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SearchOptions.SectionName);
        builder.Services.AddOptions<SearchOptions>().Bind(section)
            .Validate(o => o.KeywordWeight > 0 && o.SemanticWeight > 0, $"{SearchOptions.SectionName}: KeywordWeight and SemanticWeight must be positive.")
            .Validate(o => o.CandidateDepth > 0 && o.EfSearch > 0 && o.KeywordRankWindow >= o.CandidateDepth, $"{SearchOptions.SectionName}: CandidateDepth and EfSearch must be positive, KeywordRankWindow at least CandidateDepth.")
            .Validate(o => o.RerankDepth >= 2 && o.RerankDepth <= o.CandidateDepth && o.RerankTimeout > TimeSpan.Zero, $"{SearchOptions.SectionName}: RerankDepth must be between 2 and CandidateDepth, RerankTimeout positive.")
            .Validate(o => !o.RerankByDefault || builder.Configuration.GetConnectionString(ChatModelServiceExtensions.ConnectionName) is { Length: > 0 }, $"{SearchOptions.SectionName}:RerankByDefault needs a chat model (ConnectionStrings:{ChatModelServiceExtensions.ConnectionName}).")
            .ValidateOnStart();
        if (builder.AddChatModel())
        {
            builder.Services.AddSingleton<ISearchReranker, ChatReranker>();
        }

        builder.Services.AddSingleton<SearchReranking>();
        builder.AddLexIntelEmbeddings();
        builder.Services.AddMemoryCache(cache => cache.SizeLimit = section.GetValue(nameof(SearchOptions.QueryEmbeddingCacheEntries), new SearchOptions().QueryEmbeddingCacheEntries));
        builder.Services.AddSingleton<QueryEmbedder>();
        builder.Services.AddSingleton<SearchWarmup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SearchWarmup>());
        builder.Services.AddHealthChecks().AddCheck<SearchWarmup>(SearchWarmup.Name);
        builder.Services.AddSingleton<ICitationExtractor, CitationExtractor>();
        builder.Services.AddScoped<ChunkSearcher>();
        return builder;
    }
}
