using LexIntel.Shared.Storage;

namespace LexIntel.Shared.Data.Entities;

/// <summary>An uploaded file of a case and the state of its processing.</summary>
public sealed class Document : ICreationOrdered
{
    public Guid Id { get; set; }

    /// <summary>Copied from the case so that every document query can be scoped without a join.</summary>
    public Guid TenantId { get; set; }

    public Guid CaseId { get; set; }

    public Case? Case { get; set; }

    public required string OriginalFileName { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes; unique per case so a re-upload finds the original.</summary>
    public required string Sha256 { get; set; }

    public required string StorageKey { get; set; }

    public int? PageCount { get; set; }

    /// <summary>How many of the pages had their text recognized by OCR.</summary>
    public int OcrPageCount { get; set; }

    /// <summary>The docket number the court's filing stamps carry (<c>21-50498</c>, <c>1:16-cv-01234</c>); null without a stamp.</summary>
    public string? DocketNumber { get; set; }

    /// <summary>The filing date the court's filing stamps carry; null without a stamp.</summary>
    public DateOnly? FiledOn { get; set; }

    /// <summary>The e-mail this document was attached to, if it came as an attachment.</summary>
    public Guid? ParentDocumentId { get; set; }

    public ProcessingStatus Status { get; set; }

    /// <summary>Stable machine-readable reason (e.g. <c>no_extractable_text</c>) when <see cref="Status"/> is Failed.</summary>
    public string? FailureCode { get; set; }

    /// <summary>What a user is told when <see cref="Status"/> is Failed.</summary>
    public string? FailureReason { get; set; }

    /// <summary>Incremented by each (re)processing so a stale job cannot overwrite a newer run's output.</summary>
    public int RunNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<DocumentChunk> Chunks { get; } = [];

    public List<DocumentPage> Pages { get; } = [];

    /// <summary>
    /// A new document's id, taken before its file is staged, since the file is staged under the
    /// id's key; ordered by <paramref name="now"/>, which the document is then received with.
    /// </summary>
    public static Guid NewId(DateTimeOffset now) => Guid.CreateVersion7(PostgresTime.Truncate(now));

    /// <summary>A newly received file, queued for its first run, its original staged under its id-only key.</summary>
    public static Document Received(Guid id, Guid tenantId, Guid caseId, string fileName, string contentType, StagedFile staged, DateTimeOffset now, Guid? parentDocumentId = null)
    {
        var key = StorageKeys.ForDocument(tenantId, caseId, id);
        if (staged.Key != key)
        {
            throw new ArgumentException($"The file was staged under {staged.Key}, not under the document's key {key}.", nameof(staged));
        }

        now = PostgresTime.Truncate(now);
        return new Document
        {
            Id = id,
            TenantId = tenantId,
            CaseId = caseId,
            ParentDocumentId = parentDocumentId,
            OriginalFileName = fileName,
            ContentType = contentType,
            SizeBytes = staged.Length,
            Sha256 = staged.Sha256,
            StorageKey = key,
            Status = ProcessingStatus.Queued,
            RunNumber = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public List<Citation> Citations { get; } = [];

    /// <summary>
    /// Queues the document again under a new run number, so that any job of an earlier run finds
    /// itself superseded and changes nothing; the caller enqueues the new run's extract job with it.
    /// </summary>
    public void StartNewRun(DateTimeOffset now)
    {
        RunNumber++;
        Status = ProcessingStatus.Queued;
        FailureCode = null;
        FailureReason = null;
        UpdatedAt = now;
    }
}
