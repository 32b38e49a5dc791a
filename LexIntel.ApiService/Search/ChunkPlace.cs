namespace LexIntel.ApiService.Search;

/// <summary>The document and first page of a chunk, which results are grouped by.</summary>
public sealed record ChunkPlace(Guid DocumentId, int PageStart);
