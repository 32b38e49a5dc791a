namespace LexIntel.Shared.Progress;

/// <summary>Progress feed limits, bound from <c>LexIntel:Progress</c>.</summary>
public sealed class ProgressOptions
{
    public const string SectionName = "LexIntel:Progress";

    public int DocumentStreamMaxLength { get; set; } = 1_000;

    public int CaseStreamMaxLength { get; set; } = 10_000;

    /// <summary>How long a document's feed outlives its final event (or its last event, if it never finishes).</summary>
    public TimeSpan DocumentStreamExpiry { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a case's feed outlives its last event.</summary>
    public TimeSpan CaseStreamExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Fallback re-read interval for watchers should a wake-up notification be missed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
