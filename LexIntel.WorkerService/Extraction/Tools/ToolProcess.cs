using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace LexIntel.WorkerService.Extraction.Tools;

/// <summary>
/// Runs a command-line tool (a renderer, an OCR engine, a converter) on an untrusted file: an
/// argument list instead of a shell, an environment of its own, the kernel's limits on memory, CPU,
/// written files and core files from its first instruction, and a wall-clock timeout after which
/// the tool and every process it started are killed. Run from a sandbox, the tool is the sandbox's child: killing the sandbox kills it too.
/// </summary>
public static class ToolProcess
{
    /// <summary>What a failure reports of the tool's error stream: its end, where tools say what went wrong.</summary>
    private const int ErrorTailLength = 2048;

    private const int ReadBufferSize = 81920;

    private static readonly TimeSpan KillPatience = TimeSpan.FromSeconds(5);

    /// <summary>The variables a tool inherits: what finds programs and sets the language, nothing of the worker's.</summary>
    private static readonly string[] Inherited = ["PATH", "LANG", "LC_ALL"];

    /// <exception cref="ToolMissingException">The program is not installed.</exception>
    /// <exception cref="ToolTimedOutException">It ran past <see cref="ToolCommand.Timeout"/>.</exception>
    /// <exception cref="ToolOutputTooLargeException">It wrote more than <see cref="ToolCommand.MaxOutputBytes"/>.</exception>
    /// <exception cref="ToolFailedException">It exited with a non-zero code (or was ended by a signal).</exception>
    public static async Task<ToolResult> RunAsync(ToolCommand command, CancellationToken cancellationToken)
    {
        using var process = Start(command);
        using var timeout = new CancellationTokenSource(command.Timeout);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var errors = ReadTailAsync(process.StandardError);
        try
        {
            var output = await ReadBoundedAsync(process.StandardOutput.BaseStream, command, stop.Token);
            await process.WaitForExitAsync(stop.Token);
            var errorTail = await errors;
            return process.ExitCode == 0 ? new ToolResult(output, errorTail) : throw new ToolFailedException(command.Program, process.ExitCode, errorTail);
        }
        catch (OperationCanceledException)
        {
            await KillAsync(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ToolTimedOutException(command.Program, command.Timeout);
        }
        catch (ToolOutputTooLargeException)
        {
            await KillAsync(process);
            throw;
        }
    }

    private static Process Start(ToolCommand command)
    {
        var program = Locate(command.Program) ?? throw new ToolMissingException(command.Program);
        var startInfo = OperatingSystem.IsLinux() ? Limited(program, command) : new ProcessStartInfo(program);
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.WorkingDirectory = command.WorkingDirectory;
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                startInfo.Environment[name] = value;
            }
        }

        startInfo.Environment["HOME"] = command.WorkingDirectory;
        startInfo.Environment["TMPDIR"] = command.WorkingDirectory;
        foreach (var (name, value) in command.Environment)
        {
            startInfo.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{command.Program} did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new ToolMissingException(startInfo.FileName, ex);
        }

        // Nothing is ever fed to a tool: a closed input keeps one that would read it from waiting.
        process.StandardInput.Close();
        return process;
    }

    /// <summary>
    /// The tool started by util-linux's <c>prlimit</c> (in every Debian), which sets the kernel's
    /// limits on itself and then becomes the tool: they hold from the tool's first instruction,
    /// where limits set on a running process lose the race against a tool that allocates at once.
    /// The CPU limit is the timeout's, so an orphan (its sandbox killed first) still ends on its own.
    /// </summary>
    private static ProcessStartInfo Limited(string program, ToolCommand command)
    {
        var startInfo = new ProcessStartInfo("prlimit");
        string[] limits =
        [
            FormattableString.Invariant($"--as={command.MemoryLimitBytes}"),
            FormattableString.Invariant($"--fsize={command.MaxFileBytes}"),
            FormattableString.Invariant($"--cpu={(long)Math.Ceiling(command.Timeout.TotalSeconds)}"),
            "--core=0",
            "--",
            program,
        ];
        foreach (var limit in limits)
        {
            startInfo.ArgumentList.Add(limit);
        }

        return startInfo;
    }

    /// <summary>The program's path, found on <c>PATH</c> as a shell would but before anything starts; null when it is not installed.</summary>
    private static string? Locate(string program)
    {
        if (program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(program) ? program : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream output, ToolCommand command, CancellationToken cancellationToken)
    {
        using var collected = new MemoryStream();
        var buffer = new byte[ReadBufferSize];
        int read;
        while ((read = await output.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (collected.Length + read > command.MaxOutputBytes)
            {
                throw new ToolOutputTooLargeException(command.Program, command.MaxOutputBytes);
            }

            collected.Write(buffer, 0, read);
        }

        return collected.ToArray();
    }

    /// <summary>Reads the whole error stream (a tool blocks when a pipe it writes to is full) and keeps its end.</summary>
    private static async Task<string> ReadTailAsync(StreamReader errors)
    {
        var tail = new StringBuilder();
        var buffer = new char[ErrorTailLength];
        int read;
        while ((read = await errors.ReadAsync(buffer)) > 0)
        {
            tail.Append(buffer, 0, read);
            if (tail.Length > 2 * ErrorTailLength)
            {
                tail.Remove(0, tail.Length - ErrorTailLength);
            }
        }

        var text = tail.ToString();
        return text[Math.Max(0, text.Length - ErrorTailLength)..].Trim();
    }

    /// <summary>Kills the tool and what it started, and waits (briefly) for it to be gone, so none outlives the call.</summary>
    private static async Task KillAsync(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had ended already.
        }

        using var patience = new CancellationTokenSource(KillPatience);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGKILL cannot be refused; a process stuck in the kernel goes when it comes back.
        }
    }
}
