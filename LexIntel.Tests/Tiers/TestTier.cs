namespace LexIntel.Tests;

/// <summary>
/// What a test class needs running, which decides how long it takes: the tiers are filtered on by
/// name (<c>--filter-trait "Tier=Unit"</c>), so the names of these members are part of the contract.
/// </summary>
public enum TestTier
{
    /// <summary>In-process code only: no server, no child process, no socket.</summary>
    Unit,

    /// <summary>Real servers or processes the test's own fixture starts (redis-server, a local HTTP server, a worker process), not the AppHost.</summary>
    Integration,

    /// <summary>The AppHost: under Aspire.Hosting.Testing, or run to publish its manifest.</summary>
    EndToEnd,

    /// <summary>Chromium driving the running AppHost.</summary>
    Browser,
}
