namespace LexIntel.WorkerService.Reconciliation;

/// <summary>The reconciler's schedule and patience, bound from <c>LexIntel:Reconciler</c> (validated at start).</summary>
public sealed class ReconcilerOptions
{
    public const string SectionName = "LexIntel:Reconciler";

    /// <summary>How often each worker tries a pass; one worker at a time runs it.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an unfinished document must have stayed in its status, with no job for its run,
    /// before it is queued again under a new run.
    /// </summary>
    public TimeSpan StuckDocumentGracePeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a stored file that no document owns, or a staged upload, must have gone unwritten
    /// before it is removed: longer than any upload may take.
    /// </summary>
    public TimeSpan OrphanFileGracePeriod { get; set; } = TimeSpan.FromHours(1);
}
