namespace LexIntel.ApiService.Search;

/// <summary>A chunk's place in one ranking: its score there (rank score or similarity) and rank, 1 = best.</summary>
public sealed record RankedChunk(Guid Id, ChunkPlace Place, double Score, int Rank);
