namespace LexIntel.ApiService.Progress;

/// <summary>Bound from <c>LexIntel:ProgressStream</c>.</summary>
public sealed class ProgressStreamOptions
{
    public const string SectionName = "LexIntel:ProgressStream";

    /// <summary>Idle connections get a heartbeat this often; cloud ingresses drop them after about 240 s of silence.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The <c>retry:</c> hint: how long a browser waits before reconnecting.</summary>
    public TimeSpan ReconnectionInterval { get; set; } = TimeSpan.FromSeconds(2);
}
