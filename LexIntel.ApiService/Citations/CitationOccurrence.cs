using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Citations;

/// <summary>One place a document cites an authority: as written, on which page, in which passage.</summary>
public sealed record CitationOccurrence(CitationKind Kind, string RawText, int? PageNumber, string? Pin, int Start, int End, Guid? ChunkId);
