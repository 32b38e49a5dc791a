namespace LexIntel.Shared.Queue;

/// <summary>The Redis keys of the job queue (see DESIGN.md, "Redis keys").</summary>
public static class QueueKeys
{
    /// <summary>Published with a stream key after every append, to wake its readers at once.</summary>
    public const string NotifyChannel = "lexintel:notify";

    /// <summary>Published with <c>{documentId}:{beforeRun}</c> to stop the jobs running for a document (<see cref="JobCancellations"/>).</summary>
    public const string CancelChannel = "lexintel:jobs:cancel";

    /// <summary>
    /// A hash of the jobs running now, field <c>{kind}/{entryId}</c>, value the job and its worker
    /// as JSON (<see cref="RunningJob"/>): what operators list and cancel.
    /// </summary>
    public const string Running = "lexintel:jobs:running";

    public static string Stream(string kind) => $"lexintel:jobs:{kind}";

    public static string Delayed(string kind) => $"lexintel:jobs:{kind}:delayed";

    public static string Dead(string kind) => $"lexintel:dead:{kind}";

    public static string Dedup(string kind, string jobKey) => $"lexintel:jobs:{kind}:key:{jobKey}";

    /// <summary>
    /// The idempotency markers (<see cref="Dedup"/>) of a document's jobs, of every kind: a deletion
    /// finds them here instead of scanning Redis.
    /// </summary>
    public static string Markers(Guid documentId) => $"lexintel:jobs:markers:{documentId}";

    /// <summary>The consumer group of a kind has the kind's name.</summary>
    public static string Group(string kind) => kind;
}
