namespace LexIntel.ApiService.Audit;

public sealed record AuditPage(IReadOnlyList<AuditEntryResponse> Items, string? NextCursor);
