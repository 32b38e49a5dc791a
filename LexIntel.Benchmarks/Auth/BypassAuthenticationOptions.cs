using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace LexIntel.Benchmarks.Auth;

/// <summary>The claims <see cref="BypassAuthenticationHandler"/> signs every request in with.</summary>
internal sealed class BypassAuthenticationOptions : AuthenticationSchemeOptions
{
    public IReadOnlyList<Claim> Claims { get; set; } = [];
}
