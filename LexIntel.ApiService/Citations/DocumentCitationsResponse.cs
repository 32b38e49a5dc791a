namespace LexIntel.ApiService.Citations;

public sealed record DocumentCitationsResponse(Guid DocumentId, string DocumentName, int Total, IReadOnlyList<DocumentAuthority> Authorities);
