namespace LexIntel.ApiService.Identity;

/// <summary>The role claim's values the API knows.</summary>
public static class Roles
{
    /// <summary>Administers a tenant.</summary>
    public const string TenantAdmin = "admin";

    /// <summary>Works in a tenant's cases.</summary>
    public const string Member = "member";

    /// <summary>Runs the service (queues, tenants); not a member of any tenant.</summary>
    public const string Operator = "operator";
}
