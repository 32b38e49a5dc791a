namespace LexIntel.ApiService.Search;

public sealed record SearchResponse(string Mode, IReadOnlyList<SearchHit> Items, string? NextCursor);
