namespace LexIntel.ApiService.Limits;

/// <summary>
/// Bound from <c>LexIntel:RequestTimeouts</c>: how long a request may run before it is cancelled and
/// answered 504. Streams (progress feeds, streamed answers) have no timeout; their length is the point.
/// </summary>
public sealed class RequestTimeoutsOptions
{
    public const string SectionName = "LexIntel:RequestTimeouts";

    /// <summary>Every route that names no other policy.</summary>
    public TimeSpan Default { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Uploads and downloads of original files (<see cref="RequestTimeoutPolicies.Transfer"/>), whose time grows with the file and the client's connection.</summary>
    public TimeSpan Transfer { get; set; } = TimeSpan.FromMinutes(10);
}
