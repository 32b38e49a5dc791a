using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace LexIntel.ApiService.ApiKeys;

/// <summary>
/// Finds a presented key without a database round trip per request: what the database says of a
/// prefix is kept for <see cref="CacheFor"/>, so a revocation takes effect within that time. Each
/// refresh also records when the key was last used.
/// </summary>
public sealed class ApiKeyValidator(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider time)
{
    public static TimeSpan CacheFor { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The key when it is genuine, unexpired and not revoked; else null.</summary>
    public async Task<ApiKey?> ValidateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.TryParse(presented, out var prefix, out var secret))
        {
            return null;
        }

        var key = await cache.GetOrCreateAsync(
            $"api-key:{prefix}",
            async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = CacheFor;
                entry.Size = 1;
                return await LoadAsync(prefix, cancellationToken);
            });
        return key is not null && key.RevokedAt is null && key.ExpiresAt > time.GetUtcNow() && ApiKeySecret.Matches(secret, key.SecretHash)
            ? key
            : null;
    }

    private async Task<ApiKey?> LoadAsync(string prefix, CancellationToken cancellationToken)
    {
        // A scope of its own, in which no tenant is resolved: the key is what names the tenant, so
        // its lookup must see every tenant's keys.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LexIntelDbContext>();
        var now = time.GetUtcNow();
        await db.ApiKeys.Where(k => k.Prefix == prefix).ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        return await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
    }
}
