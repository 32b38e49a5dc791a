using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.ApiKeys;

/// <summary>A key as listed: everything but its secret, which is never shown again after creation.</summary>
public sealed record ApiKeyResponse(
    Guid Id,
    string Name,
    string Prefix,
    string Role,
    IReadOnlyList<Guid>? CaseIds,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    internal static ApiKeyResponse From(ApiKey key) =>
        new(key.Id, key.Name, key.Prefix, key.Role, key.CaseIds, key.CreatedBy, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.LastUsedAt);
}
