using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Progress;

namespace LexIntel.ApiService.Documents;

public sealed record DocumentResponse(
    Guid Id,
    Guid CaseId,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    string Status,
    int? PageCount,
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
        chunks, citations, d.FailureCode, d.FailureReason, d.ParentDocumentId, d.CreatedAt, d.UpdatedAt);
}
