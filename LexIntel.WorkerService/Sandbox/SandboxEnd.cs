namespace LexIntel.WorkerService.Sandbox;

/// <summary>How a sandbox process ended while parsing: its exit code and the last lines it wrote to its error stream.</summary>
/// <param name="ExitCode">.NET reports a process ended by a signal as 128 plus the signal's number.</param>
public sealed record SandboxEnd(int ExitCode, string Errors)
{
    public int? Signal => ExitCode > 128 ? ExitCode - 128 : null;
}
