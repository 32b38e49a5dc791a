using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using LexIntel.AppHost.Infrastructure;
using LexIntel.Shared.Queue;
using StackExchange.Redis;

namespace LexIntel.Tests.Harness.Chaos;

/// <summary>
/// Ingests the corpus (and, in the full run, hostile files) through the real processes while
/// injecting <see cref="FaultSchedule"/>'s faults, then checks with <see cref="ChaosChecks"/> that
/// nothing was lost, duplicated or left stuck and that every SSE client saw every final event once.
/// The benchmark and the end-to-end test both run it, at different sizes.
/// </summary>
public static class ChaosRun
{
    /// <summary>
    /// How long a killed worker's jobs stay leased to it: short, so they are reclaimed within the
    /// drain target (the default, two minutes, suits handlers that run long, not this run).
    /// </summary>
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long the run waits for a worker to hold a job before it kills it anyway.</summary>
    private static readonly TimeSpan MidJobWait = TimeSpan.FromSeconds(15);

    public static async Task<ChaosReport> RunAsync(ChaosSettings settings, IEnumerable<string> appSettings, Action<string> log, CancellationToken cancellationToken)
    {
        var workerSettings = new Dictionary<string, string>(ChaosHostileFiles.WorkerSettings)
        {
            ["LexIntel:Queue:VisibilityTimeout"] = VisibilityTimeout.ToString("c", CultureInfo.InvariantCulture),
        };
        var schedule = FaultSchedule.Create(settings);
        log($"seed {settings.Seed}: {schedule.Count} faults ({string.Join(", ", schedule.Select(f => f.Kind))}), {settings.Cases} cases of {settings.CorpusFiles.Count} files{(settings.HostileFiles ? " and the hostile files" : string.Empty)}");
        await using var cluster = await ChaosCluster.StartAsync(settings.Workers, appSettings, workerSettings, cancellationToken);
        log("app and workers running");

        var tenant = Guid.NewGuid();
        await ApiClients.ProvisionTenantAsync(cluster.App, tenant, cancellationToken);
        var cases = new List<ChaosCase>();
        try
        {
            if (settings.HostileFiles)
            {
                cases.Add(await ChaosCase.CreateAsync(cluster.ApiAddress, tenant, "clerk-hostile", hostile: true, cancellationToken));
            }

            for (var i = 0; i < settings.Cases; i++)
            {
                cases.Add(await ChaosCase.CreateAsync(cluster.ApiAddress, tenant, $"clerk-{i + 1}", hostile: false, cancellationToken));
            }

            var corpus = settings.CorpusFiles.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
            var clock = Stopwatch.StartNew();
            var uploads = Task.WhenAll(cases.Select((c, i) => UploadAtAsync(c, c.Hostile ? ChaosHostileFiles.Create() : corpus, settings.UploadSpacing * i, clock, cancellationToken)));
            var faulting = InjectAsync(cluster, schedule, settings, clock, log, cancellationToken);
            await uploads;
            var (lastFaultEnd, midJobKills, kills, faultLog) = await faulting;
            log($"last fault over at {clock.Elapsed.TotalSeconds:N1} s; uploads accepted: {cases.Sum(c => c.Documents.Count)}");

            var checks = new ChaosChecks(cluster, tenant, cases);
            await checks.WaitUntilSettledAsync(lastFaultEnd + settings.DrainTimeout, log, cancellationToken);
            return await checks.ReportAsync(lastFaultEnd, schedule.Count, midJobKills, kills, faultLog, cancellationToken);
        }
        finally
        {
            foreach (var chaosCase in cases)
            {
                await chaosCase.DisposeAsync();
            }
        }
    }

    private static async Task UploadAtAsync(ChaosCase chaosCase, IReadOnlyList<(string, byte[])> files, TimeSpan at, Stopwatch clock, CancellationToken cancellationToken)
    {
        await DelayUntilAsync(at, clock, cancellationToken);
        await chaosCase.UploadAsync(files, cancellationToken);
    }

    /// <summary>
    /// Runs the faults one after another, each at its time; returns when the last ended (wall
    /// clock), how many kills hit a job, how often each document's job of each kind died with its worker, and the log.
    /// </summary>
    private static async Task<(DateTimeOffset LastFaultEnd, int MidJobKills, Dictionary<(Guid Document, string Kind), int> Kills, List<string> Log)> InjectAsync(
        ChaosCluster cluster, IReadOnlyList<ScheduledFault> schedule, ChaosSettings settings, Stopwatch clock, Action<string> log, CancellationToken cancellationToken)
    {
        var faultLog = new List<string>();
        var kills = new Dictionary<(Guid Document, string Kind), int>();
        var midJobKills = 0;
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"{cluster.ConnectionStrings[InfrastructureBuilderExtensions.RedisName]},abortConnect=false");
        foreach (var fault in schedule)
        {
            await DelayUntilAsync(fault.At, clock, cancellationToken);
            await cluster.RestartExitedWorkersAsync();
            var started = clock.Elapsed;
            string what;
            switch (fault.Kind)
            {
                case FaultKind.WorkerKill:
                    var (slot, holdingJob) = await PickBusyWorkerAsync(cluster, redis.GetDatabase(), fault.Worker, settings.Workers, cancellationToken);
                    var killed = cluster.WorkerName(slot)!;
                    var held = await DocumentsHeldAsync(redis.GetDatabase(), killed);
                    await cluster.StopWorkerAsync(slot, "KILL", cancellationToken);
                    foreach (var job in held)
                    {
                        kills[job] = kills.GetValueOrDefault(job) + 1;
                    }

                    midJobKills += holdingJob ? 1 : 0;
                    await Task.Delay(fault.Pause, cancellationToken);
                    cluster.StartWorker(slot);
                    what = $"SIGKILL {killed} ({(holdingJob ? "holding a job" : "idle: no job within " + MidJobWait.TotalSeconds + " s")}), restarted after {fault.Pause.TotalSeconds:N1} s";
                    break;
                case FaultKind.WorkerTermination:
                    var terminated = cluster.WorkerName(fault.Worker);
                    await cluster.StopWorkerAsync(fault.Worker, "TERM", cancellationToken);
                    await Task.Delay(fault.Pause, cancellationToken);
                    cluster.StartWorker(fault.Worker);
                    what = $"SIGTERM {terminated} (exited after {(clock.Elapsed - started - fault.Pause).TotalSeconds:N1} s), restarted after {fault.Pause.TotalSeconds:N1} s";
                    break;
                case FaultKind.RedisKill:
                    await cluster.SignalResourceAsync(InfrastructureBuilderExtensions.RedisName, "KILL", cancellationToken);
                    await cluster.RunCommandAsync(InfrastructureBuilderExtensions.RedisName, KnownResourceCommands.StartCommand, cancellationToken);
                    what = "SIGKILL redis-server, started again on its append-only file";
                    break;
                case FaultKind.PostgresStop:
                    await cluster.SignalResourceAsync(InfrastructureBuilderExtensions.PostgresName, "INT", cancellationToken);
                    await Task.Delay(settings.PostgresDowntime, cancellationToken);
                    await cluster.RunCommandAsync(InfrastructureBuilderExtensions.PostgresName, KnownResourceCommands.StartCommand, cancellationToken);
                    what = $"PostgreSQL stopped (fast shutdown) for {settings.PostgresDowntime.TotalSeconds:N0} s and started";
                    break;
                case FaultKind.BlobStoreRestart:
                    await cluster.RunCommandAsync(InfrastructureBuilderExtensions.BlobsName, KnownResourceCommands.RestartCommand, cancellationToken);
                    what = "blob store restarted";
                    break;
                case FaultKind.ApiRestart:
                    await cluster.RunCommandAsync("api", KnownResourceCommands.RestartCommand, cancellationToken);
                    what = "API restarted under its SSE clients";
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(schedule), fault.Kind, "unknown fault");
            }

            var line = $"{started.TotalSeconds,6:N1} s  {what} (back after {(clock.Elapsed - started).TotalSeconds:N1} s)";
            faultLog.Add(line);
            log(line);
        }

        // A worker restarted by the last fault is part of it: the fault is over once it consumes again.
        await cluster.WaitForWorkersAsync(cancellationToken);
        return (DateTimeOffset.UtcNow, midJobKills, kills, faultLog);
    }

    /// <summary>
    /// The scheduled worker if it holds a job (an entry pending under its consumer name) within
    /// <see cref="MidJobWait"/>, else the first other that does, else the scheduled one, idle.
    /// </summary>
    private static async Task<(int Slot, bool HoldingJob)> PickBusyWorkerAsync(ChaosCluster cluster, IDatabase redis, int scheduled, int workers, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + MidJobWait;
        var order = Enumerable.Range(0, workers).OrderBy(slot => slot != scheduled).ToList();
        while (DateTime.UtcNow < deadline)
        {
            var holding = await ConsumersHoldingJobsAsync(redis);
            foreach (var slot in order)
            {
                if (cluster.WorkerName(slot) is { } name && holding.Contains(name))
                {
                    return (slot, true);
                }
            }

            await Task.Delay(50, cancellationToken);
        }

        return (scheduled, false);
    }

    /// <summary>The jobs (document, kind) <paramref name="consumer"/> holds: delivered to it, not acknowledged.</summary>
    private static async Task<List<(Guid Document, string Kind)>> DocumentsHeldAsync(IDatabase redis, string consumer)
    {
        var documents = new List<(Guid, string)>();
        foreach (var kind in new[] { JobKinds.Extract, JobKinds.Embed })
        {
            try
            {
                var stream = QueueKeys.Stream(kind);
                foreach (var pending in await redis.StreamPendingMessagesAsync(stream, QueueKeys.Group(kind), 100, consumer))
                {
                    var entry = await redis.StreamRangeAsync(stream, pending.MessageId, pending.MessageId);
                    if (entry.Length == 1 && Guid.TryParse((string?)entry[0][JobMessage.DocumentField], out var document))
                    {
                        documents.Add((document, kind));
                    }
                }
            }
            catch (RedisException)
            {
                // No stream or group of this kind yet.
            }
        }

        return documents;
    }

    private static async Task<HashSet<string>> ConsumersHoldingJobsAsync(IDatabase redis)
    {
        var holding = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in new[] { JobKinds.Extract, JobKinds.Embed })
        {
            try
            {
                var pending = await redis.StreamPendingAsync(QueueKeys.Stream(kind), QueueKeys.Group(kind));
                holding.UnionWith(pending.Consumers.Where(c => c.PendingMessageCount > 0).Select(c => c.Name.ToString()));
            }
            catch (RedisException)
            {
                // No stream or group yet, or Redis is coming back: nobody holds a job of this kind now.
            }
        }

        return holding;
    }

    private static async Task DelayUntilAsync(TimeSpan at, Stopwatch clock, CancellationToken cancellationToken)
    {
        if (at > clock.Elapsed)
        {
            await Task.Delay(at - clock.Elapsed, cancellationToken);
        }
    }
}
