namespace LexIntel.ApiService.Citations;

/// <summary>The documents of a case citing an authority, however they spell it.</summary>
public sealed record CitingDocumentsResponse(string Query, string Normalized, IReadOnlyList<CitingDocument> Documents);
