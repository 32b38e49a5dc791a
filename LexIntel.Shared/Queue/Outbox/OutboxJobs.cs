using LexIntel.Shared.Data;
using LexIntel.Shared.Deletion;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.Shared.Queue.Outbox;

/// <summary>
/// The jobs still in the outbox (committed, not yet dispatched), by the document or case they
/// name: for the reconciler they are live, for a deletion's cleanup they are to be cancelled.
/// </summary>
public static class OutboxJobs
{
    /// <summary>The documents a job not yet dispatched names.</summary>
    public static async Task<IReadOnlySet<Guid>> DocumentsAsync(LexIntelDbContext db, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<Guid>(
            $"""
            SELECT DISTINCT ("Payload" ->> {nameof(JobMessage.DocumentId)})::uuid AS "Value" FROM "OutboxMessages"
            WHERE "DispatchedAt" IS NULL AND "Kind" <> {DeletionCleanup.OutboxKind}
            """).ToListAsync(cancellationToken)).ToHashSet();

    /// <summary>
    /// Deletes the jobs not yet dispatched that name a document of <paramref name="documentIds"/> or
    /// a case of <paramref name="caseIds"/>, so none of them reaches Redis after the cleanup. One the
    /// dispatcher is sending is waited for (its row is locked) and then left: it is on its stream.
    /// </summary>
    public static Task<int> CancelAsync(LexIntelDbContext db, IReadOnlyCollection<Guid> documentIds, IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            DELETE FROM "OutboxMessages"
            WHERE "DispatchedAt" IS NULL AND "Kind" <> {DeletionCleanup.OutboxKind}
              AND (("Payload" ->> {nameof(JobMessage.DocumentId)})::uuid = ANY({documentIds.ToArray()})
                OR ("Payload" ->> {nameof(JobMessage.CaseId)})::uuid = ANY({caseIds.ToArray()}))
            """,
            cancellationToken);
}
