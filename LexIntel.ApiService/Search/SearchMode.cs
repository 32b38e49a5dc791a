namespace LexIntel.ApiService.Search;

public enum SearchMode
{
    /// <summary>Full-text and semantic rankings fused by their scaled scores.</summary>
    Hybrid,

    /// <summary>PostgreSQL full-text search only.</summary>
    Keyword,

    /// <summary>Embedding similarity only.</summary>
    Semantic,
}
