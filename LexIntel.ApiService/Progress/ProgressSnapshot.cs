using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Progress;

namespace LexIntel.ApiService.Progress;

/// <summary>A document's current state from PostgreSQL, shaped like a progress event.</summary>
internal static class ProgressSnapshot
{
    public static ProgressEvent Of(Document document) => new()
    {
        DocumentId = document.Id,
        CaseId = document.CaseId,
        Run = document.RunNumber,
        Stage = DocumentPipeline.StageOf(document.Status),
        Percent = DocumentPipeline.PercentAt(document.Status),
        Message = $"{document.OriginalFileName} is {DocumentPipeline.StageOf(document.Status)}",
        At = document.UpdatedAt,
        Final = DocumentPipeline.IsFinal(document.Status),
        FailureCode = document.FailureCode,
        FailureReason = document.FailureReason,
    };
}
