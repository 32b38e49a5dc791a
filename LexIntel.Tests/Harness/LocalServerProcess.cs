using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LexIntel.Tests.Harness;

/// <summary>
/// A server or service the tests and benchmarks run as a process of their own: started, its output
/// kept (the last lines, for a failure's message), waited on until a probe of the caller's answers,
/// signalled, and killed with its children when disposed.
/// </summary>
public sealed class LocalServerProcess : IAsyncDisposable
{
    private const int KeptLines = 500;

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> awaitedLines = new(StringComparer.Ordinal);

    private LocalServerProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Its last lines of output, standard error mixed in.</summary>
    public string Output => string.Join(Environment.NewLine, output);

    /// <summary>A loopback port nothing listens on now (the server binds it a moment later).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <paramref name="startInfo"/> (its output redirected here) without waiting for anything.</summary>
    public static LocalServerProcess Start(ProcessStartInfo startInfo)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start; run scripts/setup.sh.");
        var server = new LocalServerProcess(process);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// Starts <paramref name="startInfo"/> and calls <paramref name="probe"/> until it returns without
    /// throwing; gives up with the process's output when it exits or <paramref name="timeout"/> passes.
    /// </summary>
    public static async Task<LocalServerProcess> StartAsync(ProcessStartInfo startInfo, Func<CancellationToken, Task> probe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var server = Start(startInfo);
        try
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                try
                {
                    await probe(cancellationToken);
                    return server;
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested && DateTime.UtcNow < deadline && !server.HasExited)
                {
                    await Task.Delay(100, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new InvalidOperationException($"{startInfo.FileName} did not answer within {timeout} (exited: {server.HasExited}); its output:\n{server.Output}", e);
                }
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends <paramref name="signal"/> (<c>TERM</c>, <c>INT</c>, <c>KILL</c>) to the process alone, not its children.</summary>
    public Task SignalAsync(string signal, CancellationToken cancellationToken) => UnixSignal.SendAsync(process.Id, signal, cancellationToken);

    public Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// Completes once a line containing <paramref name="text"/> is written from now on (however
    /// much is written after it, unlike a search of <see cref="Output"/>).
    /// </summary>
    public Task WhenWrittenAsync(string text) =>
        awaitedLines.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        foreach (var (text, written) in awaitedLines)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                written.TrySetResult();
            }
        }

        while (output.Count > KeptLines && output.TryDequeue(out _))
        {
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
    }
}
