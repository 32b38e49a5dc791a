namespace LexIntel.Tests.Harness.Chaos;

public enum FaultKind
{
    /// <summary>SIGKILL of a worker while it holds a job, restarted after a pause.</summary>
    WorkerKill,

    /// <summary>SIGTERM of a worker (a graceful stop, as a deployment's rollout does), restarted after a pause.</summary>
    WorkerTermination,

    /// <summary>SIGKILL of redis-server, started again on its append-only file.</summary>
    RedisKill,

    /// <summary>PostgreSQL shut down (fast), left down a while, and started again.</summary>
    PostgresStop,

    /// <summary>The blob store restarted.</summary>
    BlobStoreRestart,

    /// <summary>The API restarted while the SSE clients are connected.</summary>
    ApiRestart,
}
