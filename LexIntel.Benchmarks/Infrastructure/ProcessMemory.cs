using System.Globalization;

namespace LexIntel.Benchmarks.Infrastructure;

/// <summary>Memory of the app's own processes (<see cref="AppProcesses"/>).</summary>
internal static class ProcessMemory
{
    /// <summary>The largest value of a /proc status field (<c>VmRSS</c>, <c>VmHWM</c>, in KiB) among <paramref name="program"/>'s live processes started with <paramref name="arguments"/>.</summary>
    public static long Kib(string program, string field, params string[] arguments) =>
        Find(program, field, arguments) is var kib and > 0 ? kib : throw new InvalidOperationException($"No running {program} process of this checkout was found.");

    /// <summary>As <see cref="Kib"/>, or 0 if no such process runs.</summary>
    public static long KibIfRunning(string program, string field, params string[] arguments) => Find(program, field, arguments);

    private static long Find(string program, string field, string[] arguments)
    {
        var largest = 0L;
        foreach (var process in AppProcesses.Of(program, arguments))
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

        return largest;
    }
}
