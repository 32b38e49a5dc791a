namespace LexIntel.ApiService.Search;

/// <summary>A chunk to show: its final score and where it came from.</summary>
public sealed record FusedChunk(Guid Id, ChunkPlace Place, double Score, int? KeywordRank, double? KeywordScore, int? SemanticRank, double? Similarity);
