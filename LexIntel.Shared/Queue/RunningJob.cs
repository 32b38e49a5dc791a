namespace LexIntel.Shared.Queue;

/// <summary>A job a worker is running now, as operators see it.</summary>
public sealed record RunningJob(
    string Worker,
    string Kind,
    string EntryId,
    Guid TenantId,
    Guid CaseId,
    Guid DocumentId,
    int RunNumber,
    int Attempt,
    DateTimeOffset StartedAt);
