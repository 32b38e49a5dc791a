using LexIntel.Tests.Harness;

namespace LexIntel.Benchmarks.Infrastructure;

/// <summary>The app's own processes, found in /proc (the AppHost runs them as separate processes).</summary>
internal static class AppProcesses
{
    /// <summary>
    /// The /proc directories of the live processes running <paramref name="program"/>'s executable
    /// built in this checkout. Matching the executable, not any command line naming the program,
    /// leaves out the <c>dotnet run</c> wrapper the AppHost starts it with and the same services run
    /// from another checkout on the machine. Only processes started with exactly
    /// <paramref name="arguments"/> count: the worker's extraction sandboxes are the same
    /// executable, started with <c>sandbox</c>.
    /// </summary>
    public static IEnumerable<string> Of(string program, params string[] arguments)
    {
        var projectDirectory = Path.Combine(TestData.RepositoryRoot, program) + Path.DirectorySeparatorChar;
        foreach (var process in Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            string[] commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(process, "cmdline")).TrimEnd('\0').Split('\0');
            }
            catch (IOException)
            {
                // The process ended while being looked at.
                continue;
            }

            var executable = commandLine[0];
            if (executable.StartsWith(projectDirectory, StringComparison.Ordinal) && Path.GetFileName(executable) == program && commandLine.AsSpan(1).SequenceEqual(arguments))
            {
                yield return process;
            }
        }
    }
}
