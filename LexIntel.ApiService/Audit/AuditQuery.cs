namespace LexIntel.ApiService.Audit;

/// <summary>The audit log's filters and page, from the query string.</summary>
public sealed record AuditQuery(Guid? CaseId, Guid? DocumentId, string? UserId, string? Action, DateTimeOffset? From, DateTimeOffset? Before, int? Limit, string? Cursor);
