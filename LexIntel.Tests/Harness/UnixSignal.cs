using System.Diagnostics;
using System.Globalization;

namespace LexIntel.Tests.Harness;

/// <summary>
/// Signals to processes by id, through <c>kill(1)</c>: .NET can only send SIGKILL itself, and the
/// runs that stop servers need the gentler ones (and processes they did not start, such as the
/// AppHost's PostgreSQL).
/// </summary>
public static class UnixSignal
{
    public static async Task SendAsync(int processId, string signal, CancellationToken cancellationToken)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill")
        {
            ArgumentList = { $"-{signal}", processId.ToString(CultureInfo.InvariantCulture) },
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("kill did not start.");
        var error = kill.StandardError.ReadToEndAsync(cancellationToken);
        await kill.WaitForExitAsync(cancellationToken);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {processId} failed: {await error}");
        }
    }
}
