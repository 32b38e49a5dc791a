namespace LexIntel.WorkerService.Sandbox;

/// <summary>The sandbox ended instead of replying: the file crashed it or passed a limit the kernel enforces.</summary>
public sealed class SandboxEndedException(SandboxEnd end) : Exception($"The extraction sandbox ended with exit code {end.ExitCode}: {end.Errors}")
{
    public SandboxEnd End { get; } = end;
}
