using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Documents;
using LexIntel.Shared.Queue;
using LexIntel.Shared.Queue.Outbox;
using LexIntel.Shared.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LexIntel.ApiService.Documents;

/// <summary>
/// Reads a multipart upload one file at a time, straight to storage in bounded memory (staged under
/// the new document's key, hashed and size-checked on the way), decides each file's type from its
/// bytes, commits it, and records each new document with its extract job in one transaction.
/// </summary>
public sealed class DocumentUploader(
    LexIntelDbContext db,
    IFileStore store,
    OutboxWriter outbox,
    TenantContext tenant,
    AuditLog audit,
    IOptions<UploadOptions> options,
    TimeProvider time)
{
    private const int MultipartBufferSize = 64 * 1024;

    public async Task<IReadOnlyList<UploadedFile>> UploadAsync(Guid caseId, string boundary, Stream body, CancellationToken cancellationToken)
    {
        var settings = options.Value;

        // A larger buffer than the default 16 KiB: a 100 MB file passes in a quarter of the reads.
        var reader = new MultipartReader(boundary, body, MultipartBufferSize);
        var results = new List<UploadedFile>();
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
            {
                continue;
            }

            var fileName = FileNames.Sanitize(disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value);
            if (results.Count >= settings.MaxFilesPerRequest)
            {
                results.Add(Rejected(fileName, StatusCodes.Status400BadRequest, "Too many files", $"An upload may carry at most {settings.MaxFilesPerRequest} files; send the rest in another request."));
                continue;
            }

            results.Add(await UploadFileAsync(caseId, fileName, section.Body, cancellationToken));
        }

        return results;
    }

    private async Task<UploadedFile> UploadFileAsync(Guid caseId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var documentId = Document.NewId(now);
        StagedFile staged;
        try
        {
            staged = await store.StageAsync(StorageKeys.ForDocument(tenant.TenantId, caseId, documentId), content, settings.MaxFileBytes, cancellationToken);
        }
        catch (FileTooLargeException ex)
        {
            return Rejected(fileName, StatusCodes.Status413PayloadTooLarge, "File too large", $"{fileName} is larger than the limit of {ex.Limit:N0} bytes.");
        }

        var keep = false;
        try
        {
            if (staged.Length == 0)
            {
                return Rejected(fileName, StatusCodes.Status422UnprocessableEntity, "Empty file", $"{fileName} is empty (0 bytes); nothing was stored.");
            }

            string? contentType;
            await using (var sample = staged.Sample.Open())
            {
                contentType = ContentSniffer.Sniff(sample, fileName);
            }

            if (contentType is null)
            {
                return Rejected(fileName, StatusCodes.Status415UnsupportedMediaType, "Unsupported file type",
                    $"{fileName} is not {DocumentContentTypes.AcceptedKinds}, judging by its content.");
            }

            if (await FindDuplicateAsync(caseId, staged.Sha256, cancellationToken) is { } existing)
            {
                return new UploadedFile(fileName, "duplicate", existing, null);
            }

            var document = Document.Received(documentId, tenant.TenantId, caseId, fileName, contentType, staged, now);
            await store.CommitAsync(staged, cancellationToken);
            keep = true;
            db.Documents.Add(document);
            outbox.Add(db, DocumentJobs.Extract(document));
            audit.Add(AuditActions.DocumentUpload, caseId, document.Id, fileName);

            try
            {
                await db.SaveChangesAsync(cancellationToken);

                // Each file's job goes out as soon as it is committed: the workers start on the
                // first document while the rest of a large upload is still arriving.
                outbox.Dispatch();
                return new UploadedFile(fileName, "created", DocumentResponse.From(document, 0, 0), null);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                await store.DeleteAsync(document.StorageKey, CancellationToken.None);

                // The same bytes arrived in a concurrent request and won the unique index.
                if (await FindDuplicateAsync(caseId, staged.Sha256, cancellationToken) is { } raced)
                {
                    return new UploadedFile(fileName, "duplicate", raced, null);
                }

                throw;
            }
        }
        finally
        {
            if (!keep)
            {
                // Also when the request was cancelled: the staged blocks are dropped either way.
                await store.DiscardAsync(staged, CancellationToken.None);
            }
        }
    }

    private async Task<DocumentResponse?> FindDuplicateAsync(Guid caseId, string sha256, CancellationToken cancellationToken) =>
        await db.Documents.AsNoTracking()
            .Where(d => d.CaseId == caseId && d.TenantId == tenant.TenantId && d.Sha256 == sha256)
            .Select(d => DocumentResponse.From(d, d.Chunks.Count, d.Citations.Count))
            .FirstOrDefaultAsync(cancellationToken);

    private static UploadedFile Rejected(string fileName, int status, string title, string detail) =>
        new(fileName, "rejected", null, new UploadError(status, title, detail));
}
