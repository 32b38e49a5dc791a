namespace LexIntel.ApiService.WebApp;

/// <summary>
/// Bound from <c>LexIntel:WebApp</c>: the browser front end the API serves at <c>/</c>. With an
/// OIDC provider (<c>LexIntel:Identity:Authority</c>) it signs users in as the public client
/// <see cref="ClientId"/> (authorization code with PKCE); in Development without one, with the
/// development credentials.
/// </summary>
public sealed class WebAppOptions
{
    public const string SectionName = "LexIntel:WebApp";

    /// <summary>The front end's client id at the OIDC provider (a public client: no secret; redirect URI <c>{origin}/</c>).</summary>
    public string? ClientId { get; set; }

    /// <summary>The scopes the front end asks for; the access token must carry the API's audience.</summary>
    public string Scope { get; set; } = "openid profile";
}
