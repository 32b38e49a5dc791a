using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Audit;

public sealed record AuditEntryResponse(Guid Id, DateTimeOffset At, string UserId, string Action, Guid? CaseId, Guid? DocumentId, string? Detail)
{
    internal static AuditEntryResponse From(AuditEntry entry) =>
        new(entry.Id, entry.CreatedAt, entry.UserId, entry.Action, entry.CaseId, entry.DocumentId, entry.Detail);
}
