using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LexIntel.ApiService.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LexIntel.Tests.Integration.Identity;

/// <summary>
/// The tests' OIDC provider refuses what a real one refuses: the browser test's sign-in proves the
/// page's PKCE and return address only because a wrong one would fail here.
/// </summary>
[Tier(TestTier.Integration)]
public sealed class LocalOidcProviderTests : IAsyncLifetime
{
    private const string ClientId = "lexintel-web";
    private const string Page = "http://page.example/";
    private const string Verifier = "a-code-verifier-of-forty-three-characters-or-more";

    private static readonly LocalOidcUser Lawyer = new("lawyer@firm.example", Guid.NewGuid(), [Roles.TenantAdmin, Roles.Member]);

    private LocalOidcProvider provider = null!;
    private HttpClient client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        provider = await LocalOidcProvider.StartAsync(ClientId, Lawyer, Cancel);
        provider.RegisterRedirectUri(new Uri(Page));
        client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(provider.Issuer) };
    }

    [Fact]
    public async Task A_code_is_redeemed_once_with_its_verifier_for_tokens_signed_with_the_published_key()
    {
        var code = await AuthorizeAsync(Challenge(Verifier));

        using (var wrongVerifier = await RedeemAsync(code, "another-verifier-of-forty-three-characters-or-more"))
        {
            Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (wrongVerifier.StatusCode, await ErrorOf(wrongVerifier)));
        }

        // The refused attempt used the code up, as a stolen code's first use should.
        using (var afterAWrongVerifier = await RedeemAsync(code, Verifier))
        {
            Assert.Equal("invalid_grant", await ErrorOf(afterAWrongVerifier));
        }

        code = await AuthorizeAsync(Challenge(Verifier), nonce: "n-1");
        using var redeemed = await RedeemAsync(code, Verifier, origin: "http://page.example");
        var tokens = await redeemed.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("http://page.example", redeemed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using (var again = await RedeemAsync(code, Verifier))
        {
            Assert.Equal("invalid_grant", await ErrorOf(again));
        }

        var keys = new JsonWebKeySet(await client.GetStringAsync("/jwks", Cancel)).GetSigningKeys();
        var identity = new IdentityOptions();
        var access = await ValidateAsync(tokens.GetProperty("access_token").GetString()!, identity.Audience, keys);
        Assert.Equal((Lawyer.Subject, Lawyer.Tenant.ToString()), (access.GetClaim(identity.UserClaim).Value, access.GetClaim(identity.TenantClaim).Value));
        Assert.Equal(Lawyer.Roles, access.Claims.Where(c => c.Type == identity.RoleClaim).Select(c => c.Value));
        var id = await ValidateAsync(tokens.GetProperty("id_token").GetString()!, ClientId, keys);
        Assert.Equal("n-1", id.GetClaim("nonce").Value);
    }

    [Fact]
    public async Task An_unknown_return_address_is_answered_there_and_a_missing_challenge_is_sent_back_as_an_error()
    {
        using var elsewhere = await client.GetAsync(AuthorizeUrl("http://attacker.example/", Challenge(Verifier)), Cancel);
        Assert.Equal((HttpStatusCode.BadRequest, null), (elsewhere.StatusCode, elsewhere.Headers.Location));

        using var plain = await client.GetAsync(AuthorizeUrl(Page, codeChallenge: null), Cancel);
        var query = QueryHelpers.ParseQuery(plain.Headers.Location!.Query);
        Assert.Equal((HttpStatusCode.Redirect, Page, "invalid_request", "s-1"), (plain.StatusCode, plain.Headers.Location.GetLeftPart(UriPartial.Path), query["error"].ToString(), query["state"].ToString()));
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task Only_the_registered_page_may_read_the_providers_answers_from_script()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration") { Headers = { { "Origin", "http://attacker.example" } } };
        using var response = await client.SendAsync(request, Cancel);

        Assert.True(response.IsSuccessStatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string AuthorizeUrl(string redirectUri, string? codeChallenge, string? nonce = null) =>
        QueryHelpers.AddQueryString("/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid",
            ["state"] = "s-1",
            ["code_challenge"] = codeChallenge,
            ["code_challenge_method"] = codeChallenge is null ? null : "S256",
            ["nonce"] = nonce,
        }.Where(p => p.Value is not null));

    private async Task<string> AuthorizeAsync(string codeChallenge, string? nonce = null)
    {
        using var response = await client.GetAsync(AuthorizeUrl(Page, codeChallenge, nonce), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["code"].ToString();
    }

    private Task<HttpResponseMessage> RedeemAsync(string code, string verifier, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = ClientId,
                ["redirect_uri"] = Page,
                ["code"] = code,
                ["code_verifier"] = verifier,
            }),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return client.SendAsync(request, Cancel);
    }

    private static async Task<string?> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("error").GetString();

    private async Task<JsonWebToken> ValidateAsync(string token, string audience, IList<SecurityKey> keys)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = provider.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = keys,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await provider.DisposeAsync();
    }
}
