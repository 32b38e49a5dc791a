namespace LexIntel.Tests.Infrastructure;

/// <summary>
/// The machine's processes that are still running, read from <c>/proc</c>: a killed process whose
/// parent has not reaped it yet (an orphan waits for init) is a zombie, which <c>Process</c> still
/// reports as alive.
/// </summary>
public static class LiveProcesses
{
    /// <summary>The ids of running processes whose name (<c>comm</c>) and command line match.</summary>
    public static IReadOnlyList<int> Matching(Func<string, string, bool> nameAndCommandLine)
    {
        var live = new List<int>();
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var state = stat[(stat.LastIndexOf(')') + 2)..][0];
                var name = File.ReadAllText(Path.Combine(directory, "comm")).TrimEnd('\n');
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').TrimEnd();
                if (state is not ('Z' or 'X') && nameAndCommandLine(name, commandLine))
                {
                    live.Add(pid);
                }
            }
            catch (IOException)
            {
                // It ended while being looked at.
            }
        }

        return live;
    }
}
