namespace LexIntel.ApiService.Progress;

/// <summary>The stream a ticket is for: one document's, or one case's.</summary>
public sealed record ProgressTicketRequest(Guid? DocumentId, Guid? CaseId);
