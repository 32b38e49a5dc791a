using System.Diagnostics;
using LexIntel.Shared.Queue;

namespace LexIntel.Tests.Harness;

/// <summary>
/// A worker started as its own process from the worker project's build output, in a folder of its
/// own that is also its home and temporary folder: it shares no disk path with the API or another
/// worker, as in a deployment where each runs in a container of its own.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly LocalServerProcess process;

    private WorkerProcess(string name, string directory, LocalServerProcess process)
    {
        Name = name;
        Directory = directory;
        this.process = process;
        Consuming = process.WhenWrittenAsync($"Consuming {JobKinds.Extract} jobs as {name}");
    }

    /// <summary>Its consumer name in the job queue's groups.</summary>
    public string Name { get; }

    /// <summary>Its working directory, home and temporary folder.</summary>
    public string Directory { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>What it has written lately, for a failing test's message.</summary>
    public string Output => process.Output;

    /// <summary>Completes once its extract consumer runs (it logs so once it reads the stream).</summary>
    public Task Consuming { get; }

    /// <summary>
    /// Starts a worker of the app's database, Redis and blob store (<paramref name="connectionStrings"/>
    /// by name), with <paramref name="settings"/> (configuration key → value) on top of its own.
    /// </summary>
    public static WorkerProcess Start(string name, IReadOnlyDictionary<string, string> connectionStrings, IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory($"lexintel-{name}-").FullName;
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", WorkerAssembly() },
            WorkingDirectory = directory,
        };
        foreach (var (connection, value) in connectionStrings)
        {
            startInfo.Environment[$"ConnectionStrings__{connection}"] = value;
        }

        startInfo.Environment["HOME"] = directory;
        startInfo.Environment["TMPDIR"] = directory;
        startInfo.Environment["XDG_DATA_HOME"] = directory;
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        startInfo.Environment["LexIntel__Queue__ConsumerName"] = name;
        startInfo.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = string.Empty;

        // Should the worker serve HTTP (health probes), two of them must not both take port 5000.
        startInfo.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new WorkerProcess(name, directory, LocalServerProcess.Start(startInfo));
    }

    /// <summary>Sends <paramref name="signal"/> (<c>KILL</c>, <c>TERM</c>) to the worker.</summary>
    public Task SignalAsync(string signal, CancellationToken cancellationToken) => process.SignalAsync(signal, cancellationToken);

    public Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// The worker project's own build output, of the configuration and framework the running
    /// tests or benchmarks were built in (…/bin/&lt;configuration&gt;/&lt;framework&gt;/).
    /// </summary>
    private static string WorkerAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        return Path.Combine(TestData.RepositoryRoot, "LexIntel.WorkerService", "bin", output.Parent!.Name, output.Name, "LexIntel.WorkerService.dll");
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
