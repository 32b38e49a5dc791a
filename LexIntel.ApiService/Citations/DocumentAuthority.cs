using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Citations;

/// <summary>An authority a document cites, with every place it does (short forms included).</summary>
public sealed record DocumentAuthority(
    string Normalized,
    CitationKind Kind,
    string? CaseName,
    string? Court,
    int? Year,
    int Count,
    IReadOnlyList<int> Pages,
    IReadOnlyList<CitationOccurrence> Occurrences);
