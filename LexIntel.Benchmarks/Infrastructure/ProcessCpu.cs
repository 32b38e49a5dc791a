using System.Diagnostics;
using System.Globalization;

namespace LexIntel.Benchmarks.Infrastructure;

/// <summary>CPU time used so far: by the app's own processes (<see cref="AppProcesses"/>), by this process, and by the whole machine.</summary>
internal static class ProcessCpu
{
    /// <summary>User and system time of <paramref name="program"/>'s live processes together.</summary>
    public static TimeSpan Of(string program)
    {
        var total = TimeSpan.Zero;
        foreach (var process in AppProcesses.Of(program))
        {
            try
            {
                using var running = Process.GetProcessById(int.Parse(Path.GetFileName(process), CultureInfo.InvariantCulture));
                total += running.TotalProcessorTime;
            }
            catch (ArgumentException)
            {
                // The process ended while being looked at.
            }
        }

        return total;
    }

    /// <summary>
    /// User and system time of the live processes working in <paramref name="dataDirectory"/>: the
    /// app's PostgreSQL (the server and its backends work in their data directory), Redis and the
    /// blob store (named on their command line, or working there).
    /// </summary>
    public static TimeSpan OfDataDirectory(string dataDirectory)
    {
        var total = TimeSpan.Zero;
        foreach (var process in Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var directory = new DirectoryInfo(Path.Combine(process, "cwd")).LinkTarget ?? string.Empty;
                if (directory.StartsWith(dataDirectory, StringComparison.Ordinal) || File.ReadAllText(Path.Combine(process, "cmdline")).Contains(dataDirectory, StringComparison.Ordinal))
                {
                    using var running = Process.GetProcessById(int.Parse(Path.GetFileName(process), CultureInfo.InvariantCulture));
                    total += running.TotalProcessorTime;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // The process ended while being looked at, or is not ours to look at.
            }
        }

        return total;
    }

    public static TimeSpan OfThisProcess()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>
    /// Busy and total time of all cores since boot, in clock ticks (the first line of /proc/stat):
    /// what others run on a shared machine shows as busy time no process of the app accounts for.
    /// </summary>
    public static (long Busy, long Total) Machine()
    {
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();

        // user nice system idle iowait irq softirq steal: idle and iowait are the cores waiting.
        var total = ticks.Sum();
        return (total - ticks[3] - ticks[4], total);
    }
}
