namespace LexIntel.ApiService.Identity;

/// <summary>Working credentials for a newcomer's first calls: the Development tenant and a token for each role.</summary>
public sealed record DevelopmentCredentials(Guid TenantId, string AdminToken, string MemberToken, string OperatorToken, DateTimeOffset ExpiresAt);
