namespace LexIntel.Shared.Queue;

/// <summary>Why a job stopped for good: a permanent error, or retries used up (dead-lettered).</summary>
public sealed record JobFailure(string Code, string Reason, bool DeadLettered, int Attempts)
{
    /// <summary>The job's last run was lost with its worker (crash, kill) and it had no runs left.</summary>
    public const string WorkerCrashedCode = "worker_crashed";

    /// <summary>The job's last run passed its time limit and it had no runs left.</summary>
    public const string TimedOutCode = "timed_out";

    /// <summary>
    /// Given up because its runs keep ending with their worker: a file that exhausts memory,
    /// overflows the stack or crashes a parser takes down every worker that tries it.
    /// </summary>
    public static JobFailure WorkerCrashed(int attempts) => new(
        WorkerCrashedCode,
        $"Gave up after {Counted(attempts)}: the worker processing the file stopped before it finished (it crashed or was killed), "
        + "as a file that exhausts memory or crashes a parser makes it do; upload a smaller or re-saved copy of the file",
        DeadLettered: true,
        attempts);

    /// <summary>Given up because its runs keep passing the time limit.</summary>
    public static JobFailure TimedOut(int attempts, TimeSpan limit) => new(
        TimedOutCode,
        $"Gave up after {Counted(attempts)}: processing did not finish within the time limit of {limit}; "
        + "the file may be too large or too complex, so split it or upload a simpler copy",
        DeadLettered: true,
        attempts);

    private static string Counted(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";
}
