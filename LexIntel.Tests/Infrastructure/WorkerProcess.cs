using System.Collections.Concurrent;
using System.Diagnostics;

namespace LexIntel.Tests.Infrastructure;

/// <summary>
/// A worker started as its own process from the worker project's build output, in a folder of its
/// own that is also its home and temporary folder: it shares no disk path with the API or another
/// worker, as in a deployment where each runs in a container of its own.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private WorkerProcess(string name, string directory, Process process)
    {
        Name = name;
        Directory = directory;
        this.process = process;
    }

    /// <summary>Its consumer name in the job queue's groups.</summary>
    public string Name { get; }

    /// <summary>Its working directory, home and temporary folder.</summary>
    public string Directory { get; }

    /// <summary>What it has written so far, for a failing test's message.</summary>
    public string Output => string.Join(Environment.NewLine, output);

    /// <summary>Starts a worker of the app's database, Redis and blob store (<paramref name="connectionStrings"/> by name).</summary>
    public static WorkerProcess Start(string name, IReadOnlyDictionary<string, string> connectionStrings)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory($"lexintel-{name}-").FullName;
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", WorkerAssembly() },
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
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

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("The worker process did not start.");
        var worker = new WorkerProcess(name, directory, process);
        process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>The worker project's own build output, of the configuration these tests were built in.</summary>
    private static string WorkerAssembly()
    {
        // …/LexIntel.Tests/bin/<configuration>/<framework>/ → …/LexIntel.WorkerService/bin/<configuration>/<framework>/
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var project = Path.GetDirectoryName(new Projects.LexIntel_WorkerService().ProjectPath)!;
        return Path.Combine(project, "bin", configuration, framework, "LexIntel.WorkerService.dll");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
