using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Progress;

/// <summary>Progress stage names: the document statuses in lower case, as clients see them.</summary>
public static class ProgressStages
{
    public static string For(ProcessingStatus status) => status.ToString().ToLowerInvariant();
}
