using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Sandbox;

/// <summary>
/// Warm sandboxes, one per extraction running at once: starting .NET and compiling the parsers costs
/// far more than most files take to parse. A sandbox is replaced after
/// <see cref="SandboxOptions.DocumentsPerProcess"/> documents or once its memory has grown past
/// <see cref="SandboxOptions.RecycleAboveMiB"/>; one that failed, or was killed, is never reused.
/// </summary>
internal sealed partial class SandboxPool(IOptions<SandboxOptions> options, TimeProvider time, ILogger<SandboxPool> logger) : IDisposable
{
    private const long MiB = 1024 * 1024;
    private readonly ConcurrentStack<SandboxProcess> idle = new();
    private volatile bool disposed;

    public async Task<SandboxProcess> RentAsync(CancellationToken cancellationToken)
    {
        while (idle.TryPop(out var warm))
        {
            if (!warm.HasExited)
            {
                return warm;
            }

            warm.Dispose();
        }

        var started = time.GetTimestamp();
        var sandbox = await SandboxProcess.StartAsync(options.Value, cancellationToken);
        LogStarted(sandbox.Id, time.GetElapsedTime(started).TotalMilliseconds);
        return sandbox;
    }

    /// <summary>Keeps a sandbox that replied for the next file, or replaces it.</summary>
    public void Return(SandboxProcess sandbox)
    {
        var resident = sandbox.ResidentBytes;
        if (disposed || sandbox.HasExited || sandbox.DocumentsParsed >= options.Value.DocumentsPerProcess || resident > options.Value.RecycleAboveMiB * MiB)
        {
            LogRecycled(sandbox.Id, sandbox.DocumentsParsed, resident / MiB);
            sandbox.Dispose();
            return;
        }

        idle.Push(sandbox);
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryPop(out var sandbox))
        {
            sandbox.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Extraction sandbox {Pid} started in {Milliseconds:N0} ms")]
    private partial void LogStarted(int pid, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Extraction sandbox {Pid} replaced after {Documents} document(s), at {ResidentMiB} MiB resident")]
    private partial void LogRecycled(int pid, int documents, long residentMiB);
}
