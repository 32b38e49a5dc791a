using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Citations;

/// <summary>A line of the case's table of authorities.</summary>
public sealed record CaseAuthority(
    string Normalized,
    CitationKind Kind,
    string? CaseName,
    string? Court,
    int? Year,
    int Citations,
    int Documents,
    IReadOnlyList<CitingDocument> CitedIn);
