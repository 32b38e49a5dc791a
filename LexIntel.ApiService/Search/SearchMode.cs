namespace LexIntel.ApiService.Search;

public enum SearchMode
{
    /// <summary>Full-text and semantic rankings fused with Reciprocal Rank Fusion.</summary>
    Hybrid,

    /// <summary>PostgreSQL full-text search only.</summary>
    Keyword,

    /// <summary>Embedding similarity only.</summary>
    Semantic,
}
