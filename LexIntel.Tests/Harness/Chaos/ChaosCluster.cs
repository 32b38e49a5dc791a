using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Azure.Storage.Blobs;
using LexIntel.AppHost.Infrastructure;
using LexIntel.Shared.Data;
using LexIntel.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace LexIntel.Tests.Harness.Chaos;

/// <summary>
/// The app as real processes, each of which a chaos run can take down: PostgreSQL, Redis, the blob
/// store and the API run by the AppHost (stopped and started through its resource commands, killed
/// by their process ids), and worker processes of its own in the AppHost's worker's place. Every
/// restart waits until the piece answers again.
/// </summary>
public sealed class ChaosCluster : IAsyncDisposable
{
    private static readonly string[] Connections = [LexIntelDbContext.ConnectionName, InfrastructureBuilderExtensions.RedisName, StorageServiceCollectionExtensions.ConnectionName];
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);

    /// <summary>A SIGTERMed worker finishes its jobs within the queue's shutdown grace period (25 s) first.</summary>
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(45);

    private readonly ThrowawayDataDirectory data;
    private readonly IReadOnlyDictionary<string, string> workerSettings;
    private readonly WorkerProcess?[] workers;
    private readonly int[] incarnations;
    private readonly List<string> retiredOutput = [];
    private readonly List<string> unexpectedExits = [];

    private ChaosCluster(ThrowawayDataDirectory data, DistributedApplication app, IReadOnlyDictionary<string, string> connectionStrings, IReadOnlyDictionary<string, string> workerSettings, int workerCount)
    {
        this.data = data;
        App = app;
        ConnectionStrings = connectionStrings;
        this.workerSettings = workerSettings;
        workers = new WorkerProcess?[workerCount];
        incarnations = new int[workerCount];
    }

    public DistributedApplication App { get; }

    /// <summary>The database's, Redis's and the blob store's, by connection name.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings { get; }

    public Uri ApiAddress => App.GetEndpoint("api", "http");

    /// <summary>
    /// Starts the AppHost without its worker, then <paramref name="workerCount"/> workers with
    /// <paramref name="workerSettings"/>, and waits until every worker consumes jobs.
    /// </summary>
    public static async Task<ChaosCluster> StartAsync(int workerCount, IEnumerable<string> appSettings, IReadOnlyDictionary<string, string> workerSettings, CancellationToken cancellationToken)
    {
        var data = new ThrowawayDataDirectory();
        DistributedApplication? app = null;
        try
        {
            app = await LexIntelAppFactory.StartAsync(
                data.Path,
                builder => builder.Resources.Remove(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "worker")),
                cancellationToken,
                appSettings);
            var connectionStrings = new Dictionary<string, string>();
            foreach (var name in Connections)
            {
                connectionStrings[name] = (await app.GetConnectionStringAsync(name, cancellationToken))!;
            }

            var cluster = new ChaosCluster(data, app, connectionStrings, workerSettings, workerCount);
            for (var slot = 0; slot < workerCount; slot++)
            {
                cluster.StartWorker(slot);
            }

            await cluster.WaitForWorkersAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            data.Dispose();
            throw;
        }
    }

    /// <summary>The consumer name of the worker now in <paramref name="slot"/>, null while it is down.</summary>
    public string? WorkerName(int slot) => workers[slot]?.Name;

    /// <summary>Starts a new worker in <paramref name="slot"/>, under a consumer name of its own (worker-1.0, worker-1.1, …).</summary>
    public void StartWorker(int slot)
    {
        var name = $"worker-{slot + 1}.{incarnations[slot]++}";
        workers[slot] = WorkerProcess.Start(name, ConnectionStrings, workerSettings);
    }

    /// <summary>Workers that exited without being told to (each restarted, as an orchestrator would), with their last output.</summary>
    public IReadOnlyList<string> UnexpectedExits => unexpectedExits;

    /// <summary>Waits until every worker consumes jobs, restarting any that exited by itself meanwhile.</summary>
    public async Task WaitForWorkersAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (!workers.All(w => w is { Consuming.IsCompleted: true }))
        {
            await RestartExitedWorkersAsync();
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The workers did not all consume jobs within {ReadyTimeout}; their output:\n{WorkerOutput()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Restarts every worker that exited by itself, recording it: a worker should survive what the run does to the other pieces.</summary>
    public async Task RestartExitedWorkersAsync()
    {
        for (var slot = 0; slot < workers.Length; slot++)
        {
            if (workers[slot] is { HasExited: true } exited)
            {
                unexpectedExits.Add($"{exited.Name} exited by itself; its last output:\n{exited.Output}");
                retiredOutput.Add($"--- {exited.Name} (exited by itself)\n{exited.Output}");
                await exited.DisposeAsync();
                StartWorker(slot);
            }
        }
    }

    /// <summary>Sends <paramref name="signal"/> to the worker in <paramref name="slot"/> and waits for it to exit; the slot is then empty.</summary>
    public async Task StopWorkerAsync(int slot, string signal, CancellationToken cancellationToken)
    {
        var worker = workers[slot] ?? throw new InvalidOperationException($"No worker runs in slot {slot}.");
        await worker.SignalAsync(signal, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ExitTimeout);
        await worker.WaitForExitAsync(timeout.Token);
        workers[slot] = null;
        retiredOutput.Add($"--- {worker.Name} (stopped by SIG{signal})\n{worker.Output}");
        await worker.DisposeAsync();
    }

    /// <summary>Sends <paramref name="signal"/> to an AppHost executable's process and waits until the AppHost sees it gone.</summary>
    public async Task SignalResourceAsync(string resource, string signal, CancellationToken cancellationToken)
    {
        if (!App.ResourceNotifications.TryGetCurrentState(resource, out var current)
            || current.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is not { } pid)
        {
            throw new InvalidOperationException($"{resource} has no process id; is it running?");
        }

        await UnixSignal.SendAsync(Convert.ToInt32(pid, CultureInfo.InvariantCulture), signal, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ExitTimeout);
        await App.ResourceNotifications.WaitForResourceAsync(resource, [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart], timeout.Token);
    }

    /// <summary>Runs an AppHost resource command (start, restart) and waits until the resource answers.</summary>
    public async Task RunCommandAsync(string resource, string command, CancellationToken cancellationToken)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} of {resource} failed: {result.Message}");
        }

        await WaitUntilAnsweringAsync(resource, cancellationToken);
    }

    /// <summary>Probes the resource as its clients use it until it answers (its Aspire state may still be the one before a restart).</summary>
    private async Task WaitUntilAnsweringAsync(string resource, CancellationToken cancellationToken)
    {
        Func<CancellationToken, Task> probe = resource switch
        {
            InfrastructureBuilderExtensions.PostgresName => async cancel =>
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionStrings[LexIntelDbContext.ConnectionName]) { Pooling = false }.ConnectionString);
                await connection.OpenAsync(cancel);
            },
            InfrastructureBuilderExtensions.RedisName => async _ =>
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync(ConnectionStrings[InfrastructureBuilderExtensions.RedisName]);
                await redis.GetDatabase().PingAsync();
            },
            InfrastructureBuilderExtensions.BlobsName => async cancel =>
                await new BlobServiceClient(ConnectionStrings[StorageServiceCollectionExtensions.ConnectionName], new BlobClientOptions { Retry = { MaxRetries = 0 } }).GetPropertiesAsync(cancel),
            _ => async cancel =>
            {
                using var http = new HttpClient { BaseAddress = ApiAddress, Timeout = TimeSpan.FromSeconds(5) };
                using var response = await http.GetAsync("/health", cancel);
                response.EnsureSuccessStatusCode();
            },
        };

        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            try
            {
                await probe(cancellationToken);
                return;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    /// <summary>What every worker of the run wrote lately, the stopped ones included, for a failure's message.</summary>
    public string WorkerOutput() =>
        string.Join("\n", retiredOutput.Concat(workers.OfType<WorkerProcess>().Select(w => $"--- {w.Name}\n{w.Output}")));

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in workers.OfType<WorkerProcess>())
        {
            await worker.DisposeAsync();
        }

        await App.DisposeAsync();
        data.Dispose();
    }
}
