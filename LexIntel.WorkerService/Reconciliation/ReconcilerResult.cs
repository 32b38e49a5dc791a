namespace LexIntel.WorkerService.Reconciliation;

/// <summary>What one reconciler pass repaired.</summary>
/// <param name="Requeued">Documents whose job was lost, queued again under a new run.</param>
/// <param name="OrphanFiles">Stored files no document owned, removed.</param>
/// <param name="AbandonedUploads">Staged uploads never committed, removed.</param>
internal sealed record ReconcilerResult(int Requeued, int OrphanFiles, int AbandonedUploads)
{
    public bool RepairedAnything => Requeued + OrphanFiles + AbandonedUploads > 0;
}
