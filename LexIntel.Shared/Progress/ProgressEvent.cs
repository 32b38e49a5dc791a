using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Pipeline;

namespace LexIntel.Shared.Progress;

/// <summary>News about one document's processing, as written to its progress streams.</summary>
public sealed record ProgressEvent
{
    public required Guid DocumentId { get; init; }

    public required Guid CaseId { get; init; }

    /// <summary>queued, extracting, chunking, citations, embedding, indexing, ready or failed.</summary>
    public required string Stage { get; init; }

    /// <summary>0–100.</summary>
    public int Percent { get; init; }

    public string Message { get; init; } = string.Empty;

    public DateTimeOffset At { get; init; }

    /// <summary>The document's processing run the event is about (a reprocess starts the next); 0 when not known.</summary>
    public int Run { get; init; }

    /// <summary>True for the last event of a run (ready or failed).</summary>
    public bool Final { get; init; }

    public string? FailureCode { get; init; }

    public string? FailureReason { get; init; }

    /// <summary>The final event of a run that failed (or was cancelled), with the reason users are shown.</summary>
    public static ProgressEvent Failure(Guid documentId, Guid caseId, int run, string code, string reason, DateTimeOffset at) => new()
    {
        DocumentId = documentId,
        CaseId = caseId,
        Run = run,
        Stage = DocumentPipeline.StageOf(ProcessingStatus.Failed),
        Percent = 100,
        Message = reason,
        At = at,
        Final = true,
        FailureCode = code,
        FailureReason = reason,
    };
}
