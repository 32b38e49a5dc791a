using LexIntel.Shared.Data;
using LexIntel.Shared.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Reconciliation;

/// <summary>
/// Removes stored files that no document owns (an upload that died between storing its file and
/// committing its row, a cleanup lost with Redis) and staged uploads never committed, once they
/// have gone unwritten for the grace period.
/// </summary>
internal sealed partial class OrphanFileSweep(
    LexIntelDbContext db,
    IFileStore store,
    IOptions<ReconcilerOptions> options,
    TimeProvider time,
    ILogger<OrphanFileSweep> logger)
{
    private const int BatchSize = 500;

    /// <summary>Removes orphan files and abandoned staged uploads; returns how many of each.</summary>
    public async Task<(int OrphanFiles, int AbandonedUploads)> RunAsync(CancellationToken cancellationToken)
    {
        // An upload stores its file a moment before its row commits: only a file older than the
        // grace period can be told from one whose row is on its way.
        var cutoff = time.GetUtcNow() - options.Value.OrphanFileGracePeriod;
        var removed = 0;
        var batch = new List<(string Key, Guid DocumentId)>(BatchSize);
        await foreach (var file in store.ListAsync(cancellationToken))
        {
            // A file under a key of another shape is not ours to judge.
            if (file.LastModified >= cutoff || StorageKeys.DocumentOf(file.Key) is not { } documentId)
            {
                continue;
            }

            batch.Add((file.Key, documentId));
            if (batch.Count == BatchSize)
            {
                removed += await RemoveOrphansAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        removed += await RemoveOrphansAsync(batch, cancellationToken);
        return (removed, await store.DeleteAbandonedStagedAsync(cutoff, cancellationToken));
    }

    private async Task<int> RemoveOrphansAsync(List<(string Key, Guid DocumentId)> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return 0;
        }

        Guid[] ids = [.. files.Select(f => f.DocumentId)];
        var owned = (await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => d.StorageKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var orphans = files.Where(f => !owned.Contains(f.Key)).ToList();
        foreach (var orphan in orphans)
        {
            await store.DeleteAsync(orphan.Key);
            LogRemoved(orphan.Key);
        }

        return orphans.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed stored file {Key}: no document owns it")]
    private partial void LogRemoved(string key);
}
