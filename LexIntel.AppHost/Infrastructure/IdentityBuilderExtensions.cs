namespace LexIntel.AppHost.Infrastructure;

public static class IdentityBuilderExtensions
{
    public const string SigningKeyParameter = "identity-signing-key";

    /// <summary>
    /// Who may call the API. Published, the deployment names the OIDC provider (its issuer URL), the
    /// audience its tokens carry and the client id the browser front end signs in as. Run locally, a signing key is generated once and kept in the
    /// AppHost's user secrets, so that <c>POST /dev/credentials</c> can issue working tokens; the API
    /// honours that key in the Development environment only, and not at all once an authority is
    /// configured (<c>LexIntel:Identity:Authority</c> and <c>LexIntel:WebApp:ClientId</c>, forwarded when given).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIdentity(this IResourceBuilder<ProjectResource> api)
    {
        var builder = api.ApplicationBuilder;
        if (builder.ExecutionContext.IsPublishMode)
        {
            return api
                .WithEnvironment("LexIntel__Identity__Authority", builder.AddParameter("oidc-authority"))
                .WithEnvironment("LexIntel__Identity__Audience", builder.AddParameter("oidc-audience"))
                .WithEnvironment("LexIntel__WebApp__ClientId", builder.AddParameter("web-client-id"));
        }

        if (builder.Configuration["LexIntel:Identity:Authority"] is { Length: > 0 } authority)
        {
            api.WithEnvironment("LexIntel__Identity__Authority", authority);
        }

        if (builder.Configuration["LexIntel:WebApp:ClientId"] is { Length: > 0 } clientId)
        {
            api.WithEnvironment("LexIntel__WebApp__ClientId", clientId);
        }

        var key = builder.AddParameter(SigningKeyParameter, new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);
        return api.WithEnvironment("LexIntel__Identity__DevelopmentSigningKey", key);
    }
}
