using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Progress;

namespace LexIntel.ApiService.Progress;

/// <summary>A document's current state from PostgreSQL, shaped like a progress event.</summary>
internal static class ProgressSnapshot
{
    public static ProgressEvent Of(Document document) => new()
    {
        DocumentId = document.Id,
        CaseId = document.CaseId,
        Stage = ProgressStages.For(document.Status),
        Percent = PercentOf(document.Status),
        Message = $"{document.OriginalFileName} is {ProgressStages.For(document.Status)}",
        At = document.UpdatedAt,
        Final = document.Status is ProcessingStatus.Ready or ProcessingStatus.Failed,
        FailureCode = document.FailureCode,
        FailureReason = document.FailureReason,
    };

    /// <summary>Where each stage starts, as the workers report it.</summary>
    private static int PercentOf(ProcessingStatus status) => status switch
    {
        ProcessingStatus.Queued => 0,
        ProcessingStatus.Extracting => 5,
        ProcessingStatus.Chunking => 30,
        ProcessingStatus.Citations => 50,
        ProcessingStatus.Embedding => 60,
        ProcessingStatus.Indexing => 96,
        _ => 100,
    };
}
