namespace LexIntel.Shared.Queue;

/// <summary>The job streams: one per step, so CPU-heavy embedding scales apart from extraction.</summary>
public static class JobKinds
{
    public const string Extract = "extract";
    public const string Embed = "embed";

    public static IReadOnlyList<string> All { get; } = [Extract, Embed];
}
