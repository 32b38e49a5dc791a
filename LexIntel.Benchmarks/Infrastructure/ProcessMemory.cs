using System.Globalization;

namespace LexIntel.Benchmarks.Infrastructure;

/// <summary>Memory of the app's own processes, found by name in /proc (the AppHost runs them as separate processes).</summary>
internal static class ProcessMemory
{
    /// <summary>
    /// The largest value of a /proc status field (<c>VmRSS</c>, <c>VmHWM</c>, in KiB) among live
    /// processes whose command line names <paramref name="program"/>, which skips a <c>dotnet run</c> wrapper.
    /// </summary>
    public static long Kib(string program, string field)
    {
        var largest = 0L;
        foreach (var process in Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(process, "cmdline")).Contains(program, StringComparison.Ordinal))
                {
                    var line = File.ReadLines(Path.Combine(process, "status")).First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
                    largest = Math.Max(largest, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // The process ended while being looked at.
            }
        }

        return largest > 0 ? largest : throw new InvalidOperationException($"No running {program} process was found.");
    }
}
