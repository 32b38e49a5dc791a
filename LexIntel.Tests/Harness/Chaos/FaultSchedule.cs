namespace LexIntel.Tests.Harness.Chaos;

/// <summary>The faults of a run in a seeded order and at seeded times: the same seed, the same run.</summary>
public static class FaultSchedule
{
    private static readonly TimeSpan MinWorkerPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxWorkerPause = TimeSpan.FromSeconds(4);

    public static IReadOnlyList<ScheduledFault> Create(ChaosSettings settings)
    {
        var random = new Random(settings.Seed);
        FaultKind[] kinds =
        [
            .. Enumerable.Repeat(FaultKind.WorkerKill, settings.WorkerKills),
            .. Enumerable.Repeat(FaultKind.WorkerTermination, settings.WorkerTerminations),
            .. Enumerable.Repeat(FaultKind.RedisKill, settings.RedisKills),
            .. Enumerable.Repeat(FaultKind.PostgresStop, settings.PostgresStops),
            .. Enumerable.Repeat(FaultKind.BlobStoreRestart, settings.BlobStoreRestarts),
            .. Enumerable.Repeat(FaultKind.ApiRestart, settings.ApiRestarts),
        ];
        random.Shuffle(kinds);

        var faults = new List<ScheduledFault>();
        var at = TimeSpan.Zero;
        foreach (var kind in kinds)
        {
            at += settings.FaultSpacing * (0.5 + random.NextDouble());
            var pause = MinWorkerPause + ((MaxWorkerPause - MinWorkerPause) * random.NextDouble());
            faults.Add(new ScheduledFault(at, kind, random.Next(settings.Workers), pause));
        }

        return faults;
    }
}
