namespace LexIntel.Shared.Queue;

/// <summary>The jobs one worker (a consumer name) is running now.</summary>
public sealed record WorkerJobs(string Worker, IReadOnlyList<RunningJob> Jobs);
