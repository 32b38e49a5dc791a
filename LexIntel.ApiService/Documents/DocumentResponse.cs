using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Progress;

namespace LexIntel.ApiService.Documents;

/// <param name="DocketNumber">The docket number on the court's filing stamps (<c>21-50498</c>, <c>1:16-cv-01234</c>); null without a stamp.</param>
/// <param name="FiledOn">The filing date on the court's filing stamps; null without a stamp.</param>
/// <param name="OcrPages">How many of its pages were read by OCR (scanned pages, images); their numbers are in its pages.</param>
/// <param name="ExtractedByOcr">Some of its text came from OCR, so it may hold recognition errors.</param>
public sealed record DocumentResponse(
    Guid Id,
    Guid CaseId,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    string Status,
    int? PageCount,
    string? DocketNumber,
    DateOnly? FiledOn,
    int OcrPages,
    bool ExtractedByOcr,
    int ChunkCount,
    int CitationCount,
    string? FailureCode,
    string? FailureReason,
    Guid? ParentDocumentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    internal static DocumentResponse From(Document d, int chunks, int citations) => new(
        d.Id, d.CaseId, d.OriginalFileName, d.ContentType, d.SizeBytes, d.Sha256, DocumentPipeline.StageOf(d.Status), d.PageCount,
        d.DocketNumber, d.FiledOn, d.OcrPageCount, d.OcrPageCount > 0, chunks, citations, d.FailureCode, d.FailureReason, d.ParentDocumentId, d.CreatedAt, d.UpdatedAt);
}
