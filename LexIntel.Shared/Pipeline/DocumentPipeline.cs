using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Pipeline;

/// <summary>
/// The document pipeline, declared once: the steps in order, each with its stage, progress range
/// and job. The workers run it, the progress feed and the API's snapshots report from it, and the
/// docs' table is checked against it. Consecutive steps of one job kind run in one job; when the
/// kind changes, the first job hands over to a job of the next kind (a queue of its own, so
/// CPU-heavy embedding scales apart from extraction).
/// </summary>
public static class DocumentPipeline
{
    public static PipelineStep Extract { get; } = new("extract", ProcessingStatus.Extracting, Queue.JobKinds.Extract, 5, 10);

    /// <summary>OCR of scanned pages and images: seconds a page, so it has most of the extraction stage's range to move through.</summary>
    public static PipelineStep Recognize { get; } = new("ocr", ProcessingStatus.Extracting, Queue.JobKinds.Extract, 10, 25);

    public static PipelineStep StoreAttachments { get; } = new("attachments", ProcessingStatus.Extracting, Queue.JobKinds.Extract, 25, 30);

    public static PipelineStep Chunk { get; } = new("chunk", ProcessingStatus.Chunking, Queue.JobKinds.Extract, 30, 50);

    public static PipelineStep FindCitations { get; } = new("cite", ProcessingStatus.Citations, Queue.JobKinds.Extract, 50, 55);

    public static PipelineStep SaveText { get; } = new("save", ProcessingStatus.Citations, Queue.JobKinds.Extract, 55, 60);

    public static PipelineStep Embed { get; } = new("embed", ProcessingStatus.Embedding, Queue.JobKinds.Embed, 60, 96);

    public static PipelineStep Publish { get; } = new("publish", ProcessingStatus.Indexing, Queue.JobKinds.Embed, 96, 100);

    public static IReadOnlyList<PipelineStep> Steps { get; } = [Extract, Recognize, StoreAttachments, Chunk, FindCitations, SaveText, Embed, Publish];

    /// <summary>The job kinds in the order a document meets them.</summary>
    public static IReadOnlyList<string> JobKinds { get; } = [.. Steps.Select(s => s.JobKind).Distinct()];

    public static IEnumerable<PipelineStep> StepsOf(string jobKind) => Steps.Where(s => s.JobKind == jobKind);

    /// <summary>The first step of the job that follows a job of <paramref name="jobKind"/>; null after the last one.</summary>
    public static PipelineStep? HandOverFrom(string jobKind) =>
        Steps.SkipWhile(s => s.JobKind != jobKind).SkipWhile(s => s.JobKind == jobKind).FirstOrDefault();

    /// <summary>The statuses a run ends in: nothing more happens to the document until it is reprocessed.</summary>
    public static IReadOnlyList<ProcessingStatus> FinalStatuses { get; } = [ProcessingStatus.Ready, ProcessingStatus.Failed];

    public static bool IsFinal(ProcessingStatus status) => FinalStatuses.Contains(status);

    /// <summary>The stage name clients see: the status in lower case.</summary>
    public static string StageOf(ProcessingStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Where a document at <paramref name="status"/> stands on the progress bar, as the workers report it.</summary>
    public static int PercentAt(ProcessingStatus status) => status switch
    {
        ProcessingStatus.Queued => 0,
        _ when IsFinal(status) => 100,
        _ => Steps.First(s => s.Status == status).StartPercent,
    };
}
