namespace LexIntel.ApiService.Cases;

/// <summary>A user's place in a case: <c>owner</c>, <c>editor</c>, <c>viewer</c> or <c>screened</c>.</summary>
public sealed record CaseMemberResponse(string UserId, string Access, DateTimeOffset UpdatedAt);
