using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Queue.Outbox;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.Shared.Deletion;

/// <summary>
/// Deletes documents and cases. Their rows go in the caller's unit of work together with a
/// <see cref="DeletionCleanup"/> in the outbox for what lives elsewhere (stored files, progress
/// feeds, jobs), which the workers carry out once it has committed: a crash before the commit leaves
/// everything as it was, one after it leaves the cleanup to be done. Nobody sees a half-deleted
/// document, since its rows (with chunks and citations) go in one commit, before anything else.
/// </summary>
public sealed class Deletions(OutboxWriter outbox)
{
    /// <summary>Removes the document, its chunks and citations when the caller saves.</summary>
    public void DeleteDocument(LexIntelDbContext db, Document document)
    {
        db.Documents.Remove(document);
        outbox.Add(db, new DeletionCleanup(document.TenantId, document.CaseId, CaseDeleted: false, [document.Id]));
    }

    /// <summary>
    /// In the caller's transaction: locks the tenant's case and removes it with its documents when
    /// the caller saves; null when the tenant has no such case. The lock keeps documents from joining
    /// the case meanwhile (a worker storing an e-mail's attachments), which the database would
    /// delete with it unnamed in the cleanup.
    /// </summary>
    public async Task<Case?> DeleteCaseAsync(LexIntelDbContext db, Guid tenantId, Guid caseId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Deleting a case needs the caller's transaction: its lock must hold until the commit.");
        }

        var deleted = await db.Cases
            .FromSql($"""SELECT * FROM "Cases" WHERE "Id" = {caseId} AND "TenantId" = {tenantId} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken);
        if (deleted is null)
        {
            return null;
        }

        var documents = await db.Documents.Where(d => d.CaseId == caseId).Select(d => d.Id).ToArrayAsync(cancellationToken);
        db.Cases.Remove(deleted);
        outbox.Add(db, new DeletionCleanup(tenantId, caseId, CaseDeleted: true, documents));
        return deleted;
    }
}
