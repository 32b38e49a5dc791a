using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LexIntel.ApiService.Identity;

/// <summary>
/// Tokens signed with the Development key (<see cref="IdentityOptions.DevelopmentSigningKey"/>), as
/// an OIDC provider would issue them: for a newcomer's first calls, the tests and the benchmarks.
/// </summary>
public sealed class DevelopmentTokens(IOptions<IdentityOptions> options, TimeProvider time)
{
    /// <summary>At least 256 bits of an HMAC-SHA256 key, as characters of a generated secret.</summary>
    public const int MinKeyLength = 32;

    public static TimeSpan Lifetime { get; } = TimeSpan.FromHours(8);

    /// <summary>A token for <paramref name="user"/> of <paramref name="tenant"/> (none for an operator) with <paramref name="roles"/>.</summary>
    public string Issue(string user, Guid? tenant, params string[] roles) => Issue(options.Value, time.GetUtcNow(), user, tenant, roles);

    public static string Issue(IdentityOptions identity, DateTimeOffset now, string user, Guid? tenant, params string[] roles)
    {
        var claims = new List<Claim> { new(identity.UserClaim, user) };
        if (tenant is { } id)
        {
            claims.Add(new Claim(identity.TenantClaim, id.ToString()));
        }

        claims.AddRange(roles.Select(r => new Claim(identity.RoleClaim, r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IdentityOptions.DevelopmentIssuer,
            Audience = identity.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(KeyOf(identity.DevelopmentSigningKey), SecurityAlgorithms.HmacSha256),
        });
    }

    public static bool IsUsableKey([NotNullWhen(true)] string? key) => key?.Trim().Length >= MinKeyLength;

    public static SymmetricSecurityKey KeyOf(string? key) =>
        IsUsableKey(key) ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key.Trim())) : throw new InvalidOperationException("No usable Development signing key is configured.");
}
