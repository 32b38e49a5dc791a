using System.Security.Cryptography;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Documents;
using LexIntel.Shared.Storage;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.WorkerService.Pipeline;

/// <summary>
/// Files carried inside a document (an e-mail's attachments) become documents of the same case,
/// linked to their parent and processed like uploads. Running it again for the same parent adds
/// nothing new: an attachment whose bytes the case already holds is the existing document.
/// </summary>
internal sealed partial class AttachmentDocuments(LexIntelDbContext db, IFileStore store, TimeProvider time, ILogger<AttachmentDocuments> logger)
{
    /// <summary>Stores the attachments not yet in the case; returns the children still waiting for their first run.</summary>
    public async Task<IReadOnlyList<Document>> AddAsync(Document parent, IReadOnlyList<Extraction.ExtractedAttachment> attachments, CancellationToken cancellationToken)
    {
        var waiting = new List<Document>();
        foreach (var attachment in attachments)
        {
            var fileName = FileNames.Sanitize(attachment.FileName);
            if (attachment.Content.Length == 0)
            {
                LogEmptyAttachment(parent.Id, fileName);
                continue;
            }

            // Hashed first: a redelivered job finds its attachments stored already and sends nothing again.
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(attachment.Content));
            var existing = await db.Documents.AsNoTracking()
                .FirstOrDefaultAsync(d => d.CaseId == parent.CaseId && d.TenantId == parent.TenantId && d.Sha256 == sha256, cancellationToken);
            if (existing is not null)
            {
                if (existing.ParentDocumentId == parent.Id && existing.Status == ProcessingStatus.Queued)
                {
                    waiting.Add(existing);
                }

                continue;
            }

            var now = time.GetUtcNow();
            var childId = Document.NewId(now);
            StagedFile staged;
            using (var content = new MemoryStream(attachment.Content, writable: false))
            {
                staged = await store.StageAsync(StorageKeys.ForDocument(parent.TenantId, parent.CaseId, childId), content, attachment.Content.Length, cancellationToken);
            }

            var child = NewChild(parent, childId, fileName, attachment.Content, staged, now);
            try
            {
                await store.CommitAsync(staged, cancellationToken);
            }
            catch
            {
                await store.DiscardAsync(staged, CancellationToken.None);
                throw;
            }

            db.Documents.Add(child);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                await store.DeleteAsync(child.StorageKey, CancellationToken.None);
                throw;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            if (child.Status == ProcessingStatus.Queued)
            {
                waiting.Add(child);
            }
        }

        return waiting;
    }

    /// <summary>
    /// How many levels of attachments lie above <paramref name="document"/>, counting itself (an
    /// upload is at 1, its attachment at 2); looks no further up than <paramref name="max"/>.
    /// </summary>
    public async Task<int> LevelAsync(Document document, int max, CancellationToken cancellationToken)
    {
        var level = 1;
        for (var parent = document.ParentDocumentId; parent is { } id && level < max; level++)
        {
            parent = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => d.ParentDocumentId).FirstOrDefaultAsync(cancellationToken);
        }

        return level;
    }

    private static Document NewChild(Document parent, Guid id, string fileName, byte[] content, StagedFile staged, DateTimeOffset now)
    {
        using var head = new MemoryStream(content, writable: false);
        var contentType = ContentSniffer.Sniff(head, fileName);
        var child = Document.Received(id, parent.TenantId, parent.CaseId, fileName, contentType ?? "application/octet-stream", staged, now, parent.Id);
        if (contentType is null)
        {
            // Kept and shown as failed rather than dropped, so nobody wonders where an attachment went.
            child.Status = ProcessingStatus.Failed;
            child.FailureCode = "unsupported_type";
            child.FailureReason = $"the attachment is not {DocumentContentTypes.AcceptedKinds}, judging by its content";
        }

        return child;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped empty attachment {FileName} of document {DocumentId}")]
    private partial void LogEmptyAttachment(Guid documentId, string fileName);
}
