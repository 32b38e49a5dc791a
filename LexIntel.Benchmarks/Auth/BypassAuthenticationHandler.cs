using System.Security.Claims;
using System.Text.Encodings.Web;
using LexIntel.ApiService.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LexIntel.Benchmarks.Auth;

/// <summary>
/// The benchmark's "authentication bypassed", and nothing the product has: signs a request in with
/// claims read once from a valid token, validating nothing, as the same kind of principal the API's
/// own handlers build (its user and role claim names), so that everything after authentication
/// (authorization policies, tenant and case-access filters, the handler) runs exactly as for that token.
/// </summary>
internal sealed class BypassAuthenticationHandler(
    IOptionsMonitor<BypassAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<IdentityOptions> identity) : AuthenticationHandler<BypassAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "BenchmarkBypass";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // A new principal per request, as a validating handler makes one from each token.
        var names = identity.Value;
        var principal = new ClaimsPrincipal(new ClaimsIdentity(Options.Claims, SchemeName, names.UserClaim, names.RoleClaim));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
