namespace LexIntel.Tests.Harness.Chaos;

/// <summary>
/// One fault of a run: when (from the run's start), what, and for a worker fault which worker and
/// how long it stays down.
/// </summary>
public sealed record ScheduledFault(TimeSpan At, FaultKind Kind, int Worker, TimeSpan Pause);
