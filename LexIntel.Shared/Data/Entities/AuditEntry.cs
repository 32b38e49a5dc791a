namespace LexIntel.Shared.Data.Entities;

/// <summary>
/// Who did what to which case or document, and when. Kept apart from what it names (no foreign
/// keys), so the record of a deletion outlives what was deleted.
/// </summary>
public sealed class AuditEntry : ICreationOrdered
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    public required string UserId { get; set; }

    /// <summary>What happened, e.g. <c>document.download</c> (see <c>AuditActions</c>).</summary>
    public required string Action { get; set; }

    public Guid? CaseId { get; set; }

    public Guid? DocumentId { get; set; }

    /// <summary>A few words more: a file name, a member's new role, the route refused.</summary>
    public string? Detail { get; set; }
}
