namespace LexIntel.ApiService.Cases;

/// <summary>One page of cases; pass <see cref="NextCursor"/> back as <c>cursor</c> for the next.</summary>
public sealed record CasePage(IReadOnlyList<CaseResponse> Items, string? NextCursor);
