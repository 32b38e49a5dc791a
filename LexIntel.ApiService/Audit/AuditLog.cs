using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Audit;

/// <summary>
/// Adds entries to the request's own database context, so an action and its record are saved by
/// the same <c>SaveChanges</c>, in one transaction: there is no change without its entry.
/// </summary>
public sealed class AuditLog(LexIntelDbContext db, TenantContext caller, TimeProvider time)
{
    public const int MaxDetailLength = 500;

    public void Add(string action, Guid? caseId, Guid? documentId = null, string? detail = null) =>
        Add(caller.TenantId, caller.UserId, action, caseId, documentId, detail);

    /// <summary>For an operator, who acts across tenants: the entry goes to the tenant whose data was touched.</summary>
    public void Add(Guid tenantId, string userId, string action, Guid? caseId, Guid? documentId = null, string? detail = null)
    {
        var now = PostgresTime.Truncate(time.GetUtcNow());
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            CreatedAt = now,
            UserId = userId,
            Action = action,
            CaseId = caseId,
            DocumentId = documentId,
            Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail,
        });
    }

    /// <summary>For what changes nothing else (a download, a question): the entry alone.</summary>
    public async Task RecordAsync(string action, Guid? caseId, Guid? documentId = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        Add(action, caseId, documentId, detail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
