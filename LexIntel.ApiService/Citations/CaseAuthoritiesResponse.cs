namespace LexIntel.ApiService.Citations;

/// <summary>The case's table of authorities: cases, then statutes, regulations, court rules and journals.</summary>
public sealed record CaseAuthoritiesResponse(Guid CaseId, int Total, IReadOnlyList<CaseAuthority> Authorities);
