using System.Globalization;
using LexIntel.Tests.Harness;

namespace LexIntel.Benchmarks.Infrastructure;

/// <summary>Memory of the app's own processes, found in /proc (the AppHost runs them as separate processes).</summary>
internal static class ProcessMemory
{
    /// <summary>
    /// The largest value of a /proc status field (<c>VmRSS</c>, <c>VmHWM</c>, in KiB) among live
    /// processes running <paramref name="program"/>'s executable built in this checkout. Matching the
    /// executable, not any command line naming the program, leaves out the <c>dotnet run</c> wrapper
    /// the AppHost starts it with and the same services run from another checkout on the machine.
    /// Only processes started with exactly <paramref name="arguments"/> count: the worker's
    /// extraction sandboxes are the same executable, started with <c>sandbox</c>.
    /// </summary>
    public static long Kib(string program, string field, params string[] arguments) =>
        Find(program, field, arguments) is var kib and > 0 ? kib : throw new InvalidOperationException($"No running {program} process of this checkout was found.");

    /// <summary>As <see cref="Kib"/>, or 0 if no such process runs.</summary>
    public static long KibIfRunning(string program, string field, params string[] arguments) => Find(program, field, arguments);

    private static long Find(string program, string field, string[] arguments)
    {
        var projectDirectory = Path.Combine(TestData.RepositoryRoot, program) + Path.DirectorySeparatorChar;
        var largest = 0L;
        foreach (var process in Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(process, "cmdline")).TrimEnd('\0').Split('\0');
                var executable = commandLine[0];
                if (executable.StartsWith(projectDirectory, StringComparison.Ordinal) && Path.GetFileName(executable) == program && commandLine.AsSpan(1).SequenceEqual(arguments))
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

        return largest;
    }
}
