namespace LexIntel.Shared.Queue;

/// <summary>Why a job stopped for good: a permanent error, or retries used up (dead-lettered).</summary>
public sealed record JobFailure(string Code, string Reason, bool DeadLettered, int Attempts);
