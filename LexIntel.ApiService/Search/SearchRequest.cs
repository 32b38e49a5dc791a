namespace LexIntel.ApiService.Search;

/// <summary>A search as posted by a client.</summary>
public sealed record SearchRequest
{
    /// <summary>Words or a question, <c>"exact phrases"</c>, <c>-excluded</c> words; citations in it are matched as written.</summary>
    public string? Query { get; init; }

    /// <summary><c>hybrid</c> (default), <c>keyword</c> or <c>semantic</c>.</summary>
    public string? Mode { get; init; }

    /// <summary>Results per page, 1–50 (default 10).</summary>
    public int? Limit { get; init; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; init; }

    /// <summary><c>page</c> (default: the best passage of each page), <c>document</c> (of each document) or <c>passage</c> (every one).</summary>
    public string? Group { get; init; }

    /// <summary>Re-order the best results with the configured chat model (default: <c>LexIntel:Search:RerankByDefault</c>); only when a model is configured.</summary>
    public bool? Rerank { get; init; }

    public SearchFilters? Filters { get; init; }
}
