namespace LexIntel.ApiService.Identity;

/// <summary>Authorization policy names; what each requires is set in <see cref="IdentityServiceCollectionExtensions"/>.</summary>
public static class Policies
{
    /// <summary>A user of a tenant (the default for every route that names no other policy).</summary>
    public const string TenantUser = "tenant-user";

    /// <summary>A tenant user signed in by a bearer token or by a progress ticket (progress streams only).</summary>
    public const string ProgressReader = "progress-reader";

    /// <summary>A tenant's admin: manages its API keys.</summary>
    public const string TenantAdmin = "tenant-admin";

    /// <summary>An operator of the service.</summary>
    public const string Operator = "operator";
}
