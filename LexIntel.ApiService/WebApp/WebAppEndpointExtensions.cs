using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Identity;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.WebApp;

internal static class WebAppEndpointExtensions
{
    public const string SettingsPath = "/web/settings";

    /// <summary>
    /// The front end: static files from <c>wwwroot</c> at <c>/</c> and the sign-in settings it
    /// starts from. They are public (the page must load before anyone signs in) and hold nothing
    /// of a tenant; everything the page shows comes from the API with the user's token.
    /// </summary>
    public static WebApplication MapWebApp(this WebApplication app)
    {
        app.Use(WithPageHeaders);
        app.MapStaticAssets().AllowAnonymous();

        // Static assets are mapped by file name only; the page is also the site's root.
        app.MapFallbackToFile("/", "index.html").AllowAnonymous();
        app.MapGet(SettingsPath, GetSettings).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static WebAppSettings GetSettings(IOptions<IdentityOptions> identity, IOptions<WebAppOptions> webApp, IOptions<UploadOptions> uploads) =>
        WebAppSettings.For(identity.Value, webApp.Value, uploads.Value);

    /// <summary>
    /// Pages run only the app's own scripts and talk only to the API and the OIDC provider, so an
    /// injected script (say, from a document's text) has nowhere to run and nowhere to send a token.
    /// </summary>
    private static Task WithPageHeaders(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                var authority = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.Authority;
                var provider = Uri.TryCreate(authority, UriKind.Absolute, out var uri) ? " " + uri.GetLeftPart(UriPartial.Authority) : string.Empty;
                headers.ContentSecurityPolicy =
                    $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; " +
                    $"connect-src 'self'{provider}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
                headers["Referrer-Policy"] = "no-referrer";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
