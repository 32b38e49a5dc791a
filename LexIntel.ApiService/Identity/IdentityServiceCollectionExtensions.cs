using LexIntel.ApiService.ApiKeys;
using LexIntel.ApiService.Progress;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace LexIntel.ApiService.Identity;

internal static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Bearer tokens (OIDC, or Development's own key) and the policies; every route needs a tenant
    /// user unless it names another policy, so a route nobody thought about is closed, not open.
    /// </summary>
    public static IHostApplicationBuilder AddLexIntelIdentity(this IHostApplicationBuilder builder)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<IdentityOptions>()
            .BindConfiguration(IdentityOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                o => !string.IsNullOrWhiteSpace(o.Authority) || (isDevelopment && DevelopmentTokens.IsUsableKey(o.DevelopmentSigningKey)),
                $"{IdentityOptions.SectionName}:Authority (the OIDC provider's issuer URL) is required; only in Development may {IdentityOptions.SectionName}:DevelopmentSigningKey (a secret of 32 characters or more) stand in for it.")
            .ValidateOnStart();

        builder.Services.AddAuthentication(SignInScheme)
            .AddPolicyScheme(SignInScheme, "Bearer token or API key", o => o.ForwardDefaultSelector = SchemeOf)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null)
            .AddScheme<AuthenticationSchemeOptions, ProgressTicketAuthenticationHandler>(ProgressTicketAuthenticationHandler.SchemeName, configureOptions: null);
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<IdentityOptions>>((jwt, options) => Configure(jwt, options.Value, isDevelopment));

        // Policies are built before options can be resolved; the claim names come from the same section.
        var identity = builder.Configuration.GetSection(IdentityOptions.SectionName).Get<IdentityOptions>() ?? new IdentityOptions();
        var tenantUser = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(identity.UserClaim)
            .RequireClaim(identity.TenantClaim)
            .Build();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.TenantUser, tenantUser)
            .AddPolicy(
                Policies.ProgressReader,
                new AuthorizationPolicyBuilder(tenantUser).AddAuthenticationSchemes(SignInScheme, ProgressTicketAuthenticationHandler.SchemeName).Build())
            .AddPolicy(Policies.TenantAdmin, new AuthorizationPolicyBuilder(tenantUser).RequireClaim(identity.RoleClaim, Roles.TenantAdmin).Build())
            .AddPolicy(Policies.Operator, p => p.RequireAuthenticatedUser().RequireClaim(identity.RoleClaim, Roles.Operator))
            .SetFallbackPolicy(tenantUser);
        builder.Services.AddSingleton<DevelopmentTokens>();
        builder.Services.AddSingleton<ApiKeyValidator>();
        return builder;
    }

    /// <summary>What every route authenticates with: a bearer token, or a machine client's API key.</summary>
    public const string SignInScheme = "LexIntel";

    private static string SchemeOf(HttpContext http) =>
        http.Request.Headers.Authorization.ToString().StartsWith(ApiKeyAuthenticationHandler.SchemeName + " ", StringComparison.OrdinalIgnoreCase)
            ? ApiKeyAuthenticationHandler.SchemeName
            : JwtBearerDefaults.AuthenticationScheme;

    private static void Configure(JwtBearerOptions jwt, IdentityOptions identity, bool isDevelopment)
    {
        // Claim names stay as the provider wrote them ("sub", not a SOAP-era URI), as the options name them.
        jwt.MapInboundClaims = false;
        jwt.Events = new JwtBearerEvents { OnChallenge = ProblemChallenge.WriteAsync };
        jwt.Audience = identity.Audience;
        jwt.TokenValidationParameters.ValidAudience = identity.Audience;
        jwt.TokenValidationParameters.NameClaimType = identity.UserClaim;
        jwt.TokenValidationParameters.RoleClaimType = identity.RoleClaim;
        if (!string.IsNullOrWhiteSpace(identity.Authority))
        {
            jwt.Authority = identity.Authority;

            // Signing keys fetched over plain http could be anyone's; a provider on the developer's
            // own machine (or a test's) is the one place where http is acceptable.
            jwt.RequireHttpsMetadata = !isDevelopment;
        }
        else if (isDevelopment && DevelopmentTokens.IsUsableKey(identity.DevelopmentSigningKey))
        {
            jwt.TokenValidationParameters.ValidIssuer = IdentityOptions.DevelopmentIssuer;
            jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.KeyOf(identity.DevelopmentSigningKey);
        }
    }
}
