namespace LexIntel.AppHost.Infrastructure;

public static class IdentityBuilderExtensions
{
    public const string SigningKeyParameter = "identity-signing-key";

    /// <summary>
    /// Who may call the API. Published, the deployment names the OIDC provider (its issuer URL) and
    /// the audience its tokens carry. Run locally, a signing key is generated once and kept in the
    /// AppHost's user secrets, so that <c>POST /dev/credentials</c> can issue working tokens; the API
    /// honours that key in the Development environment only, and not at all once an authority is
    /// configured (<c>LexIntel:Identity:Authority</c>, forwarded when given).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIdentity(this IResourceBuilder<ProjectResource> api)
    {
        var builder = api.ApplicationBuilder;
        if (builder.ExecutionContext.IsPublishMode)
        {
            return api
                .WithEnvironment("LexIntel__Identity__Authority", builder.AddParameter("oidc-authority"))
                .WithEnvironment("LexIntel__Identity__Audience", builder.AddParameter("oidc-audience"));
        }

        if (builder.Configuration["LexIntel:Identity:Authority"] is { Length: > 0 } authority)
        {
            api.WithEnvironment("LexIntel__Identity__Authority", authority);
        }

        var key = builder.AddParameter(SigningKeyParameter, new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);
        return api.WithEnvironment("LexIntel__Identity__DevelopmentSigningKey", key);
    }
}
