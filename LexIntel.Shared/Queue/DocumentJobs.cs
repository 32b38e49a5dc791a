using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Queue;

public static class DocumentJobs
{
    /// <summary>The job that starts a document's current run; its key makes enqueueing it twice harmless.</summary>
    public static JobMessage Extract(Document document) => new()
    {
        Kind = JobKinds.Extract,
        Key = $"{JobKinds.Extract}:{document.Id}:{document.RunNumber}",
        TenantId = document.TenantId,
        CaseId = document.CaseId,
        DocumentId = document.Id,
        RunNumber = document.RunNumber,
    };
}
