using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Pipeline;

/// <summary>
/// One step of the document pipeline as declared in <see cref="DocumentPipeline"/>: its name, the
/// document status it runs under, the job that runs it, and the share of the progress bar it fills.
/// </summary>
public sealed record PipelineStep(string Name, ProcessingStatus Status, string JobKind, int StartPercent, int EndPercent)
{
    public string Stage => DocumentPipeline.StageOf(Status);

    /// <summary>The percent reached when <paramref name="done"/> of <paramref name="total"/> units of the step are done.</summary>
    public int PercentAt(int done, int total) =>
        StartPercent + ((EndPercent - StartPercent) * Math.Clamp(done, 0, Math.Max(0, total)) / Math.Max(1, total));
}
