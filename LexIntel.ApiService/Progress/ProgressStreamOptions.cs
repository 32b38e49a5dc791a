namespace LexIntel.ApiService.Progress;

/// <summary>Bound from <c>LexIntel:ProgressStream</c>.</summary>
public sealed class ProgressStreamOptions
{
    public const string SectionName = "LexIntel:ProgressStream";

    /// <summary>Idle connections get a heartbeat this often; cloud ingresses drop them after about 240 s of silence.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The <c>retry:</c> hint: how long a browser waits before reconnecting.</summary>
    public TimeSpan ReconnectionInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Progress streams one user may hold open at once (per API instance): each holds a connection and
    /// a Redis reader, and a page that leaks <c>EventSource</c>s would otherwise pile them up.
    /// </summary>
    public int MaxOpenPerUser { get; set; } = 10;

    /// <summary>
    /// The server ends a stream this long after it opened; the client reconnects with
    /// <c>Last-Event-ID</c> and misses nothing. An open stream would otherwise outlive the token or
    /// ticket that opened it, and keep its client on one API replica for good.
    /// </summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
