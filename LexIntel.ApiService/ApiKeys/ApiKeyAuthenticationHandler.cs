using System.Security.Claims;
using System.Text.Encodings.Web;
using LexIntel.ApiService.ErrorHandling;
using LexIntel.ApiService.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.ApiKeys;

/// <summary>
/// Signs in a machine client by its key (<c>Authorization: ApiKey lxk_…</c>) as a user of the key's
/// tenant with the key's role, limited to the key's cases when it names any (<see cref="CaseScopeClaim"/>).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyValidator keys,
    IOptions<IdentityOptions> identity) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string CaseScopeClaim = "lexintel_case_scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (await keys.ValidateAsync(header[(SchemeName.Length + 1)..].Trim(), Context.RequestAborted) is not { } key)
        {
            return AuthenticateResult.Fail("The API key is unknown, revoked or expired.");
        }

        var names = identity.Value;
        var claims = new List<Claim>
        {
            new(names.UserClaim, $"apikey:{key.Prefix}"),
            new(names.TenantClaim, key.TenantId.ToString()),
            new(names.RoleClaim, key.Role),
        };
        claims.AddRange((key.CaseIds ?? []).Select(id => new Claim(CaseScopeClaim, id.ToString())));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, names.UserClaim, names.RoleClaim));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", "The API key is unknown, revoked or expired.");
}
