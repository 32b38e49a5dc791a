using LexIntel.Tests.Harness;

namespace LexIntel.Benchmarks.Infrastructure;

/// <summary>The app's own processes, found in /proc (the AppHost runs them as separate processes).</summary>
internal static class AppProcesses
{
    /// <summary>
    /// The /proc directories of the live processes running <paramref name="program"/>'s executable
    /// built in this checkout. Matching the executable, not any command line naming the program,
    /// leaves out the <c>dotnet run</c> wrapper the AppHost starts it with and the same services run
    /// from another checkout on the machine.
    /// </summary>
    public static IEnumerable<string> Of(string program)
    {
        var projectDirectory = Path.Combine(TestData.RepositoryRoot, program) + Path.DirectorySeparatorChar;
        foreach (var process in Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            string executable;
            try
            {
                executable = File.ReadAllText(Path.Combine(process, "cmdline")).Split('\0')[0];
            }
            catch (IOException)
            {
                // The process ended while being looked at.
                continue;
            }

            if (executable.StartsWith(projectDirectory, StringComparison.Ordinal) && Path.GetFileName(executable) == program)
            {
                yield return process;
            }
        }
    }
}
