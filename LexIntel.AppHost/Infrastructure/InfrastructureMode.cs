namespace LexIntel.AppHost.Infrastructure;

/// <summary>How PostgreSQL and Redis are provided (<c>LexIntel:Infrastructure</c>).</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers, else the machine's own servers.</summary>
    Auto,

    /// <summary>The pgvector and Redis images; always used for publishing.</summary>
    Containers,

    /// <summary>PostgreSQL and redis-server installed on this machine, run as executables.</summary>
    Local,
}
