using System.ComponentModel.DataAnnotations;

namespace LexIntel.ApiService.Identity;

/// <summary>
/// Bound from <c>LexIntel:Identity</c>: who may call the API. Tokens come from any OIDC provider
/// (<see cref="Authority"/>), or, in Development only, are signed with a key the AppHost generates.
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "LexIntel:Identity";

    /// <summary>The OIDC provider's issuer URL (Entra ID, Keycloak, Auth0…); its signing keys are discovered from it.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for.</summary>
    [Required]
    public string Audience { get; set; } = "lexintel-api";

    /// <summary>The claim that names the user.</summary>
    [Required]
    public string UserClaim { get; set; } = "sub";

    /// <summary>The claim that names the tenant (a GUID) the user belongs to.</summary>
    [Required]
    public string TenantClaim { get; set; } = "tenant";

    /// <summary>The claim holding the user's roles (<see cref="Roles"/>).</summary>
    [Required]
    public string RoleClaim { get; set; } = "role";

    /// <summary>
    /// A secret of at least 32 characters that signs tokens issued by <see cref="DevelopmentIssuer"/>
    /// (the AppHost generates one); honoured in the Development environment only, and only without
    /// an <see cref="Authority"/>.
    /// </summary>
    public string? DevelopmentSigningKey { get; set; }

    public const string DevelopmentIssuer = "lexintel-development";
}
