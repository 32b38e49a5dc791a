namespace LexIntel.WorkerService.Extraction.Tools;

/// <summary>The tool ran past its timeout and was killed, with whatever it had started.</summary>
public sealed class ToolTimedOutException(string program, TimeSpan timeout)
    : Exception($"{program} did not finish within {timeout.TotalSeconds:0.#} s and was killed")
{
    public TimeSpan Timeout => timeout;
}
