namespace LexIntel.Tests.Harness.Chaos;

/// <summary>
/// How big a chaos run is: what it uploads, which faults it injects and how far apart. The
/// benchmark runs the full size (<see cref="Full"/>); the end-to-end test a short one.
/// </summary>
public sealed record ChaosSettings
{
    /// <summary>Picks the fault order, the gaps, the workers hit and their pauses.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Worker processes running at once.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Cases, each holding <see cref="CorpusFiles"/> (duplicates are per case) and watched by an SSE client of its own.</summary>
    public int Cases { get; init; } = 1;

    /// <summary>The files uploaded to every case.</summary>
    public IReadOnlyList<string> CorpusFiles { get; init; } = TestData.UploadableCourtDocuments();

    /// <summary>Whether a case of <see cref="ChaosHostileFiles"/> is uploaded first.</summary>
    public bool HostileFiles { get; init; }

    /// <summary>Time between one case's upload and the next, so work keeps arriving while faults hit.</summary>
    public TimeSpan UploadSpacing { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Mean time between faults (each gap is 0.5–1.5 times this).</summary>
    public TimeSpan FaultSpacing { get; init; } = TimeSpan.FromSeconds(6);

    public int WorkerKills { get; init; }

    public int WorkerTerminations { get; init; }

    public int RedisKills { get; init; }

    public int PostgresStops { get; init; }

    /// <summary>How long PostgreSQL stays down each time.</summary>
    public TimeSpan PostgresDowntime { get; init; } = TimeSpan.FromSeconds(10);

    public int BlobStoreRestarts { get; init; }

    public int ApiRestarts { get; init; }

    /// <summary>How long after the last fault every document may take to become final before the run gives up on them.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The run: ≥ 100 documents, ≥ 10 worker SIGKILLs, and every other fault once.</summary>
    public static ChaosSettings Full(int seed) => new()
    {
        Seed = seed,
        Cases = 9,
        HostileFiles = true,
        WorkerKills = 10,
        WorkerTerminations = 1,
        RedisKills = 1,
        PostgresStops = 1,
        BlobStoreRestarts = 1,
        ApiRestarts = 1,
    };
}
