namespace LexIntel.ApiService.Limits;

/// <summary>How many requests of one class of routes a user, and all users of a tenant together, may make per window.</summary>
public sealed class RateLimit
{
    public int PerUser { get; set; }

    public int PerTenant { get; set; }

    /// <summary>A fixed window: the permits come back whole when it ends.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
