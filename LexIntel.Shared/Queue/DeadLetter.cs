namespace LexIntel.Shared.Queue;

/// <summary>A job that failed for good, with why.</summary>
public sealed record DeadLetter(
    string Id,
    string Kind,
    string JobKey,
    Guid? DocumentId,
    Guid? TenantId,
    int Attempts,
    string Code,
    string Error,
    bool Permanent,
    DateTimeOffset? FailedAt);
