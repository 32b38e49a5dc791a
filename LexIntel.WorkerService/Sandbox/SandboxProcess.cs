using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.Ocr;

namespace LexIntel.WorkerService.Sandbox;

/// <summary>
/// One sandbox, seen from the worker: the worker's own executable in <see cref="SandboxServer"/>
/// mode, with an environment of its own (no connection strings, a temporary folder of its own) and
/// the kernel's limits on its memory and CPU time. It parses one file at a time.
/// </summary>
internal sealed class SandboxProcess : IDisposable
{
    private const long MiB = 1024 * 1024;

    /// <summary>
    /// What a failure's log shows of the sandbox's error stream, from its start and from its end:
    /// the runtime says "Stack overflow." first, then prints thousands of frames.
    /// </summary>
    private const int ErrorLinesKept = 10;

    /// <summary>How long a sandbox may take to start; .NET starts one in a fraction of a second.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The variables a sandbox inherits: what finds the runtime and sets the language, nothing that configures the worker.</summary>
    private static readonly string[] Inherited = ["PATH", "DOTNET_ROOT", "LANG", "LC_ALL"];

    private readonly Process process;
    private readonly string directory;
    private readonly ConcurrentQueue<string> firstErrors = new();
    private readonly ConcurrentQueue<string> lastErrors = new();

    private SandboxProcess(Process process, string directory)
    {
        this.process = process;
        this.directory = directory;
        Id = process.Id;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (firstErrors.Count < ErrorLinesKept)
            {
                firstErrors.Enqueue(e.Data);
                return;
            }

            lastErrors.Enqueue(e.Data);
            while (lastErrors.Count > ErrorLinesKept && lastErrors.TryDequeue(out string? _))
            {
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>Its process id, also once it has ended.</summary>
    public int Id { get; }

    public int DocumentsParsed { get; private set; }

    public bool HasExited => process.HasExited;

    public long ResidentBytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    public static async Task<SandboxProcess> StartAsync(SandboxOptions options, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("lexintel-sandbox-").FullName;
        var (fileName, arguments) = Executable();
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.ArgumentList.Add(SandboxServer.Argument);
        startInfo.Environment.Clear();
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                startInfo.Environment[name] = value;
            }
        }

        startInfo.Environment["HOME"] = directory;
        startInfo.Environment["TMPDIR"] = directory;

        // The heap is capped by the runtime itself: an allocation past the cap is an
        // OutOfMemoryException the sandbox reports, rather than a failed mmap anywhere in the runtime.
        startInfo.Environment["DOTNET_GCHeapHardLimit"] = (options.MemoryLimitMiB * MiB).ToString("X", CultureInfo.InvariantCulture);

        // One thread parses: no background GC thread, one malloc arena (each further arena reserves
        // 64 MiB of address space), no dump written when it crashes, and no diagnostics port (nothing
        // can attach to it, and a killed sandbox leaves no socket behind in its folder).
        startInfo.Environment["DOTNET_gcConcurrent"] = "0";
        startInfo.Environment["MALLOC_ARENA_MAX"] = "1";
        startInfo.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        startInfo.Environment["DOTNET_EnableDiagnostics"] = "0";

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"The extraction sandbox ({fileName}) did not start.");
        var sandbox = new SandboxProcess(process, directory);
        try
        {
            if (OperatingSystem.IsLinux())
            {
                ResourceLimits.NoCoreDumps(process.Id);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            using (timeout.Token.Register(sandbox.Kill))
            {
                await SandboxProtocol.ReadReadyAsync(process.StandardOutput.BaseStream, CancellationToken.None);
            }

            if (OperatingSystem.IsLinux())
            {
                // Before the first request, so it holds for every file. The runtime has reserved
                // gigabytes of address space by now (the GC's regions, room for compiled code), in
                // which its heap grows up to the hard limit; what the limit bounds from here on is
                // every other allocation: native memory, mappings, threads.
                process.Refresh();
                ResourceLimits.LimitAddressSpace(process.Id, process.VirtualMemorySize64 + (options.MemoryLimitMiB * MiB));
            }

            return sandbox;
        }
        catch (IOException ex)
        {
            var end = await sandbox.EndAsync();
            sandbox.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException($"The extraction sandbox ended as it started, with exit code {end.ExitCode}: {end.Errors}", ex);
        }
        catch
        {
            sandbox.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Parses one file, with <paramref name="cpuSeconds"/> of CPU time from now on (the limit is the
    /// process's total, raised before each file). Cancelling kills the sandbox: a parser need not
    /// look at a token for its work to stop.
    /// </summary>
    /// <exception cref="SandboxEndedException">The sandbox ended instead of replying.</exception>
    public Task<SandboxReply> ExtractAsync(SandboxRequest request, int cpuSeconds, CancellationToken cancellationToken) =>
        ExchangeAsync(input => SandboxProtocol.WriteRequestAsync(input, request, CancellationToken.None), cpuSeconds, onPage: null, cancellationToken);

    /// <summary>
    /// Recognizes pages by OCR, telling <paramref name="onPage"/> of each as the sandbox sends it.
    /// The tools are the sandbox's children, with limits of their own; cancelling kills them with it.
    /// </summary>
    /// <exception cref="SandboxEndedException">The sandbox ended instead of replying.</exception>
    public Task<SandboxReply> RecognizeAsync(OcrRequest request, int cpuSeconds, Func<ExtractedPage, Task> onPage, CancellationToken cancellationToken) =>
        ExchangeAsync(input => SandboxProtocol.WriteRequestAsync(input, request, CancellationToken.None), cpuSeconds, onPage, cancellationToken);

    private async Task<SandboxReply> ExchangeAsync(Func<Stream, Task> send, int cpuSeconds, Func<ExtractedPage, Task>? onPage, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsLinux())
        {
            ResourceLimits.LimitCpuTime(process.Id, (long)Math.Ceiling(process.TotalProcessorTime.TotalSeconds) + cpuSeconds);
        }

        SandboxReply reply;
        using (cancellationToken.Register(Kill))
        {
            try
            {
                await send(process.StandardInput.BaseStream);
                while ((reply = await SandboxProtocol.ReadReplyAsync(process.StandardOutput.BaseStream, CancellationToken.None)) is SandboxReply.PageRecognized(var page)
                    && onPage is not null)
                {
                    await onPage(page);
                }
            }
            catch (IOException)
            {
                var end = await EndAsync();
                cancellationToken.ThrowIfCancellationRequested();
                throw new SandboxEndedException(end);
            }
        }

        DocumentsParsed++;
        return reply;
    }

    public void Kill()
    {
        try
        {
            // The tools an OCR request started go with it.
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had ended already.
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }

        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Its temporary folder is the operating system's to clean up.
        }
    }

    /// <summary>Waits for the sandbox, whose output has closed, to end, and for the last of its error stream.</summary>
    private async Task<SandboxEnd> EndAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await process.WaitForExitAsync(CancellationToken.None);
        }

        return new SandboxEnd(process.ExitCode, string.Join(Environment.NewLine, firstErrors.Concat(lastErrors)));
    }

    /// <summary>
    /// The worker's own executable (its app host, as deployed), or the assembly run by the
    /// <c>dotnet</c> host where there is none.
    /// </summary>
    private static (string FileName, string[] Arguments) Executable()
    {
        var assembly = typeof(SandboxServer).Assembly.Location;
        var appHost = OperatingSystem.IsWindows() ? Path.ChangeExtension(assembly, ".exe") : Path.ChangeExtension(assembly, null);
        if (File.Exists(appHost))
        {
            return (appHost, []);
        }

        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        return (host, ["exec", assembly]);
    }
}
