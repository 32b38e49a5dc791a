using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Citations;

/// <summary>An authority a document cites, with every place it does (short forms included); <see cref="Unresolved"/>: only by short forms without their full citation.</summary>
public sealed record DocumentAuthority(
    string Normalized,
    CitationKind Kind,
    string? CaseName,
    string? Court,
    int? Year,
    int Count,
    bool Unresolved,
    IReadOnlyList<int> Pages,
    IReadOnlyList<CitationOccurrence> Occurrences);
