namespace LexIntel.Shared.Deletion;

/// <summary>
/// What a committed deletion left outside PostgreSQL: the documents' stored files, progress feeds
/// and jobs, and for a deleted case its own feed. Written to the outbox in the deletion's
/// transaction; the workers carry it out (<c>DeletionCleaner</c>).
/// </summary>
/// <param name="CaseDeleted">The case itself was deleted: its feed goes too, and every job naming it.</param>
public sealed record DeletionCleanup(Guid TenantId, Guid CaseId, bool CaseDeleted, IReadOnlyList<Guid> DocumentIds)
{
    /// <summary>The <see cref="Data.Entities.OutboxMessage.Kind"/> of a cleanup; every other message is a job.</summary>
    public const string OutboxKind = "cleanup";

    /// <summary>Whether a job of <paramref name="caseId"/> and <paramref name="documentId"/> is about what was deleted.</summary>
    public bool Names(Guid caseId, Guid documentId) => (CaseDeleted && caseId == CaseId) || DocumentIds.Contains(documentId);
}
