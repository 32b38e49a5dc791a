namespace LexIntel.ApiService.Search;

/// <summary>A search as posted by a client.</summary>
public sealed record SearchRequest
{
    /// <summary>Words, <c>"exact phrases"</c>, <c>-excluded</c> words, <c>or</c> (web search syntax).</summary>
    public string? Query { get; init; }

    /// <summary><c>hybrid</c> (default), <c>keyword</c> or <c>semantic</c>.</summary>
    public string? Mode { get; init; }

    /// <summary>Results per page, 1–50 (default 10).</summary>
    public int? Limit { get; init; }

    /// <summary>The <c>nextCursor</c> of the previous page.</summary>
    public string? Cursor { get; init; }

    public SearchFilters? Filters { get; init; }
}
