using System.Diagnostics;

namespace LexIntel.AppHost.Infrastructure;

/// <summary>
/// Asks the container CLI whether its engine answers. Without a healthy runtime, container
/// resources stay "RuntimeUnhealthy" and every resource waiting on them waits forever, so the
/// AppHost must know before it builds the model.
/// </summary>
internal static class ContainerRuntimeProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static bool IsHealthy(string runtime)
    {
        var startInfo = new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        try
        {
            using var process = Process.Start(startInfo);
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // The CLI is not installed at all.
            return false;
        }
    }
}
