using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Identity;

namespace LexIntel.ApiService.WebApp;

/// <summary>
/// How the front end signs users in: <c>development</c> (the development credentials), <c>oidc</c>
/// (<see cref="Authority"/>, <see cref="ClientId"/>, <see cref="Scope"/>) or <c>unconfigured</c>
/// (an OIDC provider without a client id for the front end; <see cref="Detail"/> says what to set).
/// The claim names are the API's own (<c>LexIntel:Identity</c>), so the page shows who is signed in
/// in which tenant as the API sees them, and the upload limits are the API's, so the page splits a
/// large drop into requests the API accepts. Nothing here is secret: the page
/// reads it before anyone has signed in.
/// </summary>
public sealed record WebAppSettings(
    string SignIn,
    string? Authority,
    string? ClientId,
    string? Scope,
    string? Detail,
    string UserClaim,
    string TenantClaim,
    string RoleClaim,
    int MaxFilesPerUpload,
    long MaxUploadBytes)
{
    public static WebAppSettings For(IdentityOptions identity, WebAppOptions webApp, UploadOptions uploads)
    {
        var (signIn, detail) = (string.IsNullOrWhiteSpace(identity.Authority), string.IsNullOrWhiteSpace(webApp.ClientId)) switch
        {
            // Identity's options validation refuses to start outside Development without an authority.
            (true, _) => ("development", null),
            (false, true) => ("unconfigured", $"Signing in from the browser needs the front end's client id at the OIDC provider: set {WebAppOptions.SectionName}:ClientId."),
            (false, false) => ("oidc", (string?)null),
        };
        var oidc = signIn == "oidc";
        return new WebAppSettings(
            signIn,
            signIn == "development" ? null : identity.Authority,
            oidc ? webApp.ClientId : null,
            oidc ? webApp.Scope : null,
            detail,
            identity.UserClaim,
            identity.TenantClaim,
            identity.RoleClaim,
            uploads.MaxFilesPerRequest,
            uploads.MaxRequestBytes);
    }
}
