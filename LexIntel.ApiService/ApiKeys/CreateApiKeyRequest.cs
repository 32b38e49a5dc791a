namespace LexIntel.ApiService.ApiKeys;

/// <summary><see cref="Role"/>: admin or member; <see cref="CaseIds"/>: the only cases the key reaches (none: every case its role sees).</summary>
public sealed record CreateApiKeyRequest(string? Name, string? Role, IReadOnlyList<Guid>? CaseIds, int? ExpiresInDays);
