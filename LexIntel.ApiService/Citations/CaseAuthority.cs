using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Citations;

/// <summary>
/// A line of the case's table of authorities. <see cref="Unresolved"/>: cited only by short forms
/// whose full citation is in none of the case's documents (<c>410 U.S.</c>, <c>Twombly, supra</c>),
/// listed under what they give so a reviewer finds them.
/// </summary>
public sealed record CaseAuthority(
    string Normalized,
    CitationKind Kind,
    string? CaseName,
    string? Court,
    int? Year,
    int Citations,
    int Documents,
    bool Unresolved,
    IReadOnlyList<CitingDocument> CitedIn);
