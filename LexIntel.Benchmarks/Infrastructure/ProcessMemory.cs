using System.Globalization;

namespace LexIntel.Benchmarks.Infrastructure;

/// <summary>Memory of the app's own processes (<see cref="AppProcesses"/>).</summary>
internal static class ProcessMemory
{
    /// <summary>The largest value of a /proc status field (<c>VmRSS</c>, <c>VmHWM</c>, in KiB) among <paramref name="program"/>'s live processes.</summary>
    public static long Kib(string program, string field)
    {
        var largest = 0L;
        foreach (var process in AppProcesses.Of(program))
        {
            try
            {
                var line = File.ReadLines(Path.Combine(process, "status")).First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
                largest = Math.Max(largest, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // The process ended while being looked at.
            }
        }

        return largest > 0 ? largest : throw new InvalidOperationException($"No running {program} process of this checkout was found.");
    }
}
