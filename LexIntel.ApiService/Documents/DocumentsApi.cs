using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Cases;
using LexIntel.ApiService.Limits;
using LexIntel.ApiService.Paging;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Deletion;
using LexIntel.Shared.Documents;
using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Queue;
using LexIntel.Shared.Queue.Outbox;
using LexIntel.Shared.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace LexIntel.ApiService.Documents;

public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var uploads = app.ServiceProvider.GetRequiredService<IOptions<UploadOptions>>().Value;
        var api = app.MapGroup("/api")
            .WithTags("Documents")
            .RequireTenant();
        var cases = api.MapCaseGroup();

        cases.MapPost("/documents", UploadDocuments)
            .RequiresCaseAccess(CaseAccess.Editor)
            .WithName(nameof(UploadDocuments))
            .WithSummary("Upload documents")
            .WithDescription("multipart/form-data with one or more files. Each file is stored, typed by its content and queued for processing. 201 when a document was created; 200 when every file was already in the case (the existing documents are returned); otherwise the problem of the rejected file(s).")
            .AddOpenApiOperationTransformer(DescribeMultipartFilesBody)
            .WithMetadata(new RequestSizeLimitAttribute(uploads.MaxRequestBytes))
            .DisableAntiforgery()
            .WithRateLimit(RateLimitPolicies.Upload)
            .WithRequestTimeout(RequestTimeoutPolicies.Transfer);

        cases.MapGet("/documents", ListDocuments)
            .WithName(nameof(ListDocuments))
            .WithSummary("List a case's documents")
            .WithDescription("Newest first, keyset-paged; filter by status (queued, extracting, …, ready, failed).");

        api.MapGet("/documents/{documentId:guid}", GetDocument)
            .WithName(nameof(GetDocument))
            .WithSummary("Get a document")
            .WithDescription("Status, page count, chunk and citation counts and, when failed, why.");

        api.MapGet("/documents/{documentId:guid}/pages", ListDocumentPages)
            .WithName(nameof(ListDocumentPages))
            .WithSummary("List a document's pages")
            .WithDescription("Each page's number, whether its text was recognized by OCR, and the page furniture (filing stamps, running heads, page and line numbers) taken off its text before it was chunked. Empty until the document's text is saved.");

        api.MapGet("/documents/{documentId:guid}/content", DownloadDocument)
            .WithName(nameof(DownloadDocument))
            .WithSummary("Download the original file")
            .WithDescription("The file as uploaded, checked against its SHA-256 as it is sent; 409 when the stored file was altered. No byte ranges: a range could not be checked.")
            .WithRequestTimeout(RequestTimeoutPolicies.Transfer);

        api.MapDelete("/documents/{documentId:guid}", DeleteDocument)
            .RequiresCaseAccess(CaseAccess.Editor)
            .WithName(nameof(DeleteDocument))
            .WithSummary("Delete a document")
            .WithDescription("Deletes the document with its chunks and citations at once, and stops the job running for it; its stored file, progress feed and queued jobs are removed right after.");

        api.MapPost("/documents/{documentId:guid}/reprocess", ReprocessDocument)
            .RequiresCaseAccess(CaseAccess.Editor)
            .WithName(nameof(ReprocessDocument))
            .WithSummary("Process a document again")
            .WithDescription("Moves the document back to queued under a new run number; a run still in progress is stopped first.");

        api.MapPost("/documents/{documentId:guid}/cancel", CancelDocument)
            .RequiresCaseAccess(CaseAccess.Editor)
            .WithName(nameof(CancelDocument))
            .WithSummary("Stop processing a document")
            .WithDescription("Stops the document's processing within seconds, wherever it runs: it ends failed with code `cancelled`, its feed gets the final event, and jobs still waiting for it are dropped. 409 when it is not being processed.");

        return app;
    }

    /// <summary>
    /// The body is documented rather than declared with <c>Accepts</c>: accepts-metadata makes routing
    /// answer any other content type with a bare 415 before the handler can say what was expected.
    /// </summary>
    private static Task DescribeMultipartFilesBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var file = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema> { ["files"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = file } },
                        Required = new HashSet<string> { "files" },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    public static async Task<Results<Created<UploadResponse>, Ok<UploadResponse>, ProblemHttpResult>> UploadDocuments(
        Guid caseId,
        HttpRequest request,
        LexIntelDbContext db,
        TenantContext tenant,
        DocumentUploader uploader,
        CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Upload as multipart/form-data",
                detail: "Send the files as multipart/form-data, one part per file.");
        }

        var files = await uploader.UploadAsync(caseId, boundary, request.Body, cancellationToken);
        if (files.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No file", detail: "The request carried no file part.");
        }

        if (files.Any(f => f.Outcome == "created"))
        {
            return TypedResults.Created($"/api/cases/{caseId}/documents", new UploadResponse(files));
        }

        if (files.All(f => f.Outcome == "duplicate"))
        {
            return TypedResults.Ok(new UploadResponse(files));
        }

        var rejected = files.Where(f => f.Error is not null).Select(f => f.Error!).ToList();
        var status = rejected.Select(e => e.Status).Distinct().Count() == 1 ? rejected[0].Status : StatusCodes.Status400BadRequest;
        return TypedResults.Problem(
            statusCode: status,
            title: rejected.Count == 1 ? rejected[0].Title : "No file was accepted",
            detail: string.Join(" ", rejected.Select(e => e.Detail)),
            extensions: new Dictionary<string, object?> { ["files"] = files });
    }

    public static async Task<Results<Ok<DocumentPage>, ValidationProblem>> ListDocuments(
        Guid caseId,
        LexIntelDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken,
        string? status = null,
        int? limit = null,
        string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        ProcessingStatus? statusFilter = null;
        if (status is not null)
        {
            if (Enum.TryParse<ProcessingStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _))
            {
                statusFilter = parsed;
            }
            else
            {
                errors["status"] = [$"status must be one of {string.Join(", ", Enum.GetNames<ProcessingStatus>().Select(n => n.ToLowerInvariant()))}."];
            }
        }

        var page = PageRequest.Parse(limit, cursor, errors);

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Documents.AsNoTracking().Where(d => d.CaseId == caseId && d.TenantId == tenant.TenantId);
        if (statusFilter is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }

        var rows = await query
            .NewestFirst(page)
            .Select(d => DocumentResponse.From(d, d.Chunks.Count, d.Citations.Count))
            .ToListAsync(cancellationToken);

        var (items, next) = page.Split(rows, d => new KeysetCursor(d.CreatedAt, d.Id));
        return TypedResults.Ok(new DocumentPage(items, next));
    }

    public static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> GetDocument(
        Guid documentId,
        LexIntelDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken)
    {
        var document = await ReadAsync(db, tenant, documentId, cancellationToken);
        return document is null ? DocumentNotFound(documentId) : TypedResults.Ok(document);
    }

    private static Task<DocumentResponse?> ReadAsync(LexIntelDbContext db, TenantContext tenant, Guid documentId, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking()
            .Where(d => d.Id == documentId && d.TenantId == tenant.TenantId)
            .Select(d => DocumentResponse.From(d, d.Chunks.Count, d.Citations.Count))
            .SingleOrDefaultAsync(cancellationToken);

    public static async Task<Results<Ok<DocumentPagesResponse>, ProblemHttpResult>> ListDocumentPages(
        Guid documentId,
        LexIntelDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken)
    {
        if (!await db.Documents.AnyAsync(d => d.Id == documentId && d.TenantId == tenant.TenantId, cancellationToken))
        {
            return DocumentNotFound(documentId);
        }

        var pages = await db.DocumentPages.AsNoTracking()
            .Where(p => p.DocumentId == documentId && p.TenantId == tenant.TenantId)
            .OrderBy(p => p.Number)
            .Select(p => new DocumentPageResponse(p.Number, p.ExtractedByOcr, p.Furniture))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new DocumentPagesResponse(documentId, pages));
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadDocument(
        Guid documentId,
        HttpContext httpContext,
        LexIntelDbContext db,
        TenantContext tenant,
        IFileStore store,
        AuditLog audit,
        CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == documentId && d.TenantId == tenant.TenantId, cancellationToken);
        if (document is null)
        {
            return DocumentNotFound(documentId);
        }

        await audit.RecordAsync(AuditActions.DocumentDownload, document.CaseId, documentId, document.OriginalFileName, cancellationToken);
        Stream content;
        try
        {
            content = await store.OpenReadAsync(document.StorageKey, document.SizeBytes, document.Sha256, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "File missing", detail: $"The stored file of document {documentId} is missing.");
        }
        catch (FileAlteredException)
        {
            return StoredFileAltered(documentId);
        }

        // The file is checked as it is sent, and a file altered behind an intact record fails
        // before its last bytes go out; with the length announced, the client sees the response
        // cut short rather than a smaller file. A byte range could not be checked, so none is served.
        httpContext.Response.ContentLength = document.SizeBytes;
        return TypedResults.Stream(content, document.ContentType, FileNames.Sanitize(document.OriginalFileName));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteDocument(
        Guid documentId,
        LexIntelDbContext db,
        TenantContext tenant,
        Deletions deletions,
        JobCancellations jobs,
        AuditLog audit,
        CancellationToken cancellationToken)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId && d.TenantId == tenant.TenantId, cancellationToken);
        if (document is null)
        {
            return DocumentNotFound(documentId);
        }

        deletions.DeleteDocument(db, document);
        audit.Add(AuditActions.DocumentDelete, document.CaseId, documentId, document.OriginalFileName);
        await db.SaveChangesAsync(cancellationToken);
        await jobs.RequestAsync(documentId);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Accepted<DocumentResponse>, ProblemHttpResult>> ReprocessDocument(
        Guid documentId,
        LexIntelDbContext db,
        TenantContext tenant,
        OutboxWriter outbox,
        JobCancellations jobs,
        AuditLog audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId && d.TenantId == tenant.TenantId, cancellationToken);
        if (document is null)
        {
            return DocumentNotFound(documentId);
        }

        // RunNumber is a concurrency token: two reprocess calls at once cannot both win. A run in
        // progress is superseded: its jobs find their run is not current and stop.
        var running = !DocumentPipeline.IsFinal(document.Status);
        document.StartNewRun(time.GetUtcNow());
        outbox.Add(db, DocumentJobs.Extract(document));
        audit.Add(AuditActions.DocumentReprocess, document.CaseId, documentId, $"run {document.RunNumber}");

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Document changed", detail: $"Document {documentId} was changed meanwhile; try again.");
        }

        outbox.Dispatch();
        if (running)
        {
            await jobs.RequestAsync(documentId, beforeRun: document.RunNumber);
        }

        return TypedResults.Accepted($"/api/documents/{documentId}", DocumentResponse.From(document, 0, 0));
    }

    public static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> CancelDocument(
        Guid documentId,
        LexIntelDbContext db,
        TenantContext tenant,
        DocumentCancellation cancellation,
        AuditLog audit,
        CancellationToken cancellationToken)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId && d.TenantId == tenant.TenantId, cancellationToken);
        if (document is null)
        {
            return DocumentNotFound(documentId);
        }

        var cancelled = await cancellation.CancelAsync(
            document,
            "Processing was cancelled by a user of the case.",
            () => audit.Add(AuditActions.DocumentCancel, document.CaseId, documentId, $"run {document.RunNumber}"),
            cancellationToken);

        var current = await ReadAsync(db, tenant, documentId, cancellationToken);
        if (current is null)
        {
            return DocumentNotFound(documentId);
        }

        return cancelled
            ? TypedResults.Ok(current)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Document is not being processed",
                detail: $"Document {documentId} is {current.Status}; only a document being processed can be cancelled.");
    }

    private static ProblemHttpResult StoredFileAltered(Guid documentId) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Stored file altered",
            detail: $"The stored file of document {documentId} does not match the SHA-256 it was uploaded with; it was altered or damaged in storage. Delete the document and upload it again.");

    internal static ProblemHttpResult DocumentNotFound(Guid documentId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Document not found", detail: $"No document {documentId} exists for this tenant.");
}
