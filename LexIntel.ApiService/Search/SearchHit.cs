namespace LexIntel.ApiService.Search;

/// <summary>One passage that matched.</summary>
public sealed record SearchHit(
    Guid ChunkId,
    Guid DocumentId,
    string DocumentName,
    Guid CaseId,
    int PageStart,
    int PageEnd,
    string Text,
    string Highlight,
    SearchScore Score,
    IReadOnlyList<string> Citations);
