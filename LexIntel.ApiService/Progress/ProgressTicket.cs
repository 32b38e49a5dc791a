namespace LexIntel.ApiService.Progress;

/// <summary>What a progress ticket grants: <see cref="UserId"/> of <see cref="TenantId"/> may open <see cref="Stream"/>.</summary>
public sealed record ProgressTicket(Guid TenantId, string UserId, string Stream)
{
    public static string DocumentStream(Guid documentId) => $"document:{documentId}";

    public static string CaseStream(Guid caseId) => $"case:{caseId}";
}
