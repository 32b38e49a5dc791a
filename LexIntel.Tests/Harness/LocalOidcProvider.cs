using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using LexIntel.ApiService.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LexIntel.Tests.Harness;

/// <summary>
/// An OIDC provider on 127.0.0.1 speaking the wire protocol of a real one (discovery, JWKS,
/// authorization code with PKCE, end session), in place of Entra ID or Keycloak, which the tests
/// cannot reach. It has no login form: <c>/authorize</c> signs its one user in at once. It refuses
/// what a real provider refuses (a client or redirect URI it does not know, no S256 code challenge,
/// a wrong code verifier, a code used twice), so a front end that gets the protocol wrong fails here
/// as it would in production. Tokens carry the API's default claim names and audience.
/// </summary>
public sealed class LocalOidcProvider : IAsyncDisposable
{
    private const string CorsPolicy = "pages";

    private static readonly IdentityOptions Identity = new();

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    /// <summary>How long a code may wait to be redeemed.</summary>
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(1);

    private readonly WebApplication server;
    private readonly string clientId;
    private readonly LocalOidcUser user;
    private readonly RSA rsa = RSA.Create(2048);
    private readonly RsaSecurityKey key;
    private readonly ConcurrentDictionary<string, Grant> grants = new();
    private readonly ConcurrentDictionary<string, Uri> redirectUris = new();
    private readonly TimeProvider time = TimeProvider.System;
    private int signIns;
    private int signOuts;

    private LocalOidcProvider(WebApplication server, string clientId, LocalOidcUser user)
    {
        (this.server, this.clientId, this.user) = (server, clientId, user);
        key = new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(8)) };
    }

    /// <summary>The issuer URL, which is also the authority to configure (no trailing slash).</summary>
    public string Issuer => server.Urls.Single();

    /// <summary>Whether discovery names an end-session endpoint (some providers have none).</summary>
    public bool OffersEndSession { get; set; } = true;

    /// <summary>Codes redeemed for tokens.</summary>
    public int SignIns => Volatile.Read(ref signIns);

    /// <summary>Sessions ended at the end-session endpoint.</summary>
    public int SignOuts => Volatile.Read(ref signOuts);

    /// <summary>Starts a provider with one public client, <paramref name="clientId"/>, whose every sign-in is <paramref name="user"/>.</summary>
    public static async Task<LocalOidcProvider> StartAsync(string clientId, LocalOidcUser user, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        LocalOidcProvider? provider = null;

        // The page calls discovery, the keys and the token endpoint from its own origin.
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.SetIsOriginAllowed(origin => provider!.IsRegisteredOrigin(origin)).AllowAnyHeader().AllowAnyMethod()));
        var server = builder.Build();
        provider = new LocalOidcProvider(server, clientId, user);
        server.UseCors();
        server.MapGet("/.well-known/openid-configuration", provider.Discovery).RequireCors(CorsPolicy);
        server.MapGet("/jwks", provider.Keys).RequireCors(CorsPolicy);
        server.MapGet("/authorize", provider.Authorize);
        server.MapPost("/token", provider.RedeemAsync).RequireCors(CorsPolicy);
        server.MapGet("/logout", provider.EndSession);
        await server.StartAsync(cancellationToken);
        return provider;
    }

    /// <summary>Lets the client be sent back to <paramref name="uri"/> (after sign-in and sign-out), as a client's registration at a provider does.</summary>
    public void RegisterRedirectUri(Uri uri) => redirectUris[uri.AbsoluteUri] = uri;

    /// <summary>An access token for the API, as the provider issues at sign-in; for clients that are not the page (an operator's).</summary>
    public string IssueAccessToken(LocalOidcUser subject)
    {
        var claims = new Dictionary<string, object>
        {
            [Identity.UserClaim] = subject.Subject,
            [Identity.RoleClaim] = subject.Roles.ToArray(),
            ["client_id"] = clientId,
        };
        if (subject.Tenant is { } tenant)
        {
            claims[Identity.TenantClaim] = tenant.ToString();
        }

        return Sign(Identity.Audience, claims);
    }

    private bool IsRegisteredOrigin(string origin) =>
        redirectUris.Values.Any(u => string.Equals(u.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase));

    private IResult Discovery()
    {
        var metadata = new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Issuer}/authorize",
            ["token_endpoint"] = $"{Issuer}/token",
            ["jwks_uri"] = $"{Issuer}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["grant_types_supported"] = new[] { "authorization_code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "none" },
        };
        if (OffersEndSession)
        {
            metadata["end_session_endpoint"] = $"{Issuer}/logout";
        }

        return Results.Json(metadata);
    }

    private IResult Keys()
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;

        // An unknown client or return address gets an answer here, never a redirect: it could be anyone's.
        if (query["client_id"] != clientId || RegisteredUri(query["redirect_uri"]) is not { } redirectUri)
        {
            return Results.BadRequest("Unknown client_id or redirect_uri.");
        }

        var state = query["state"].ToString();
        if (query["response_type"] != "code" || query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["code_challenge"]))
        {
            return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, new Dictionary<string, string?>
            {
                ["error"] = "invalid_request",
                ["error_description"] = "The authorization code flow with an S256 code challenge is required.",
                ["state"] = state,
            }));
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        grants[code] = new Grant(redirectUri, query["code_challenge"]!, query["nonce"], query["scope"], time.GetUtcNow() + CodeLifetime);
        return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, new Dictionary<string, string?> { ["code"] = code, ["state"] = state }));
    }

    private async Task<IResult> RedeemAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (form["grant_type"] != "authorization_code")
        {
            return Refuse("unsupported_grant_type");
        }

        // A code is good once, for the client and the address it was issued to, and only with the
        // verifier whose hash was its challenge: what makes a stolen code useless.
        if (!grants.TryRemove(form["code"].ToString(), out var grant)
            || grant.Expires < time.GetUtcNow()
            || form["client_id"] != clientId
            || form["redirect_uri"] != grant.RedirectUri
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.CodeChallenge)
        {
            return Refuse("invalid_grant");
        }

        var idClaims = new Dictionary<string, object> { [Identity.UserClaim] = user.Subject, ["auth_time"] = time.GetUtcNow().ToUnixTimeSeconds() };
        if (grant.Nonce is { Length: > 0 } nonce)
        {
            idClaims["nonce"] = nonce;
        }

        Interlocked.Increment(ref signIns);
        return Results.Json(new
        {
            access_token = IssueAccessToken(user),
            id_token = Sign(clientId, idClaims),
            token_type = "Bearer",
            expires_in = (int)TokenLifetime.TotalSeconds,
            scope = grant.Scope,
        });
    }

    private IResult EndSession(HttpRequest request)
    {
        if (!OffersEndSession)
        {
            return Results.NotFound();
        }

        Interlocked.Increment(ref signOuts);
        var state = request.Query["state"].ToString();
        return RegisteredUri(request.Query["post_logout_redirect_uri"]) is { } back
            ? Results.Redirect(state.Length > 0 ? QueryHelpers.AddQueryString(back, "state", state) : back)
            : Results.Text("You are signed out.");
    }

    private string? RegisteredUri(string? uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && redirectUris.ContainsKey(parsed.AbsoluteUri) ? parsed.AbsoluteUri : null;

    private static IResult Refuse(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);

    private string Sign(string audience, Dictionary<string, object> claims)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + TokenLifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        rsa.Dispose();
    }

    private sealed record Grant(string RedirectUri, string CodeChallenge, string? Nonce, string? Scope, DateTimeOffset Expires);
}
