using System.Diagnostics;
using System.Net.Http.Json;

namespace LexIntel.Benchmarks.Infrastructure;

/// <summary>Uploads files to a new case of the running app and waits until each one it accepted is ready or failed.</summary>
public static class CaseUploader
{
    /// <summary>The API's default limit of files per request.</summary>
    private static readonly int MaxFilesPerUpload = new LexIntel.ApiService.Documents.UploadOptions().MaxFilesPerRequest;

    public static async Task<(Guid CaseId, List<UploadedDocument> Documents)> UploadAndWaitAsync(HttpClient client, IReadOnlyCollection<string> files, CancellationToken cancellationToken)
    {
        using var created = await client.PostAsJsonAsync("/api/cases", new { name = "benchmark" }, cancellationToken);
        var caseId = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<UploadedDocument>(cancellationToken))!.Id;

        // Files of a type the API does not take (the corpus's WordPerfect .wpd) are rejected, not stored.
        var accepted = 0;
        foreach (var batch in files.Chunk(MaxFilesPerUpload))
        {
            using var form = new MultipartFormDataContent();
            foreach (var file in batch)
            {
                form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file, cancellationToken)), "files", Path.GetFileName(file));
            }

            using var upload = await client.PostAsync($"/api/cases/{caseId}/documents", form, cancellationToken);
            accepted += (await upload.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<UploadResult>(cancellationToken))!.Files.Count(f => f.Outcome != "rejected");
        }

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var documents = await ListAsync(client, caseId, cancellationToken);
            if (documents.Count == accepted && documents.All(d => d.Status is "ready" or "failed"))
            {
                return (caseId, documents);
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(30))
            {
                throw new TimeoutException($"documents of case {caseId} still processing after 30 minutes");
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    private static async Task<List<UploadedDocument>> ListAsync(HttpClient client, Guid caseId, CancellationToken cancellationToken)
    {
        var documents = new List<UploadedDocument>();
        string? cursor = null;
        do
        {
            var page = (await client.GetFromJsonAsync<DocumentList>($"/api/cases/{caseId}/documents?limit=200{(cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor))}", cancellationToken))!;
            documents.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return documents;
    }

    private sealed record DocumentList(List<UploadedDocument> Items, string? NextCursor);

    private sealed record UploadResult(List<UploadOutcome> Files);

    private sealed record UploadOutcome(string Outcome);
}

public sealed record UploadedDocument(Guid Id, string Status, string? FileName, int? PageCount, int ChunkCount, DateTimeOffset UpdatedAt, string? FailureCode = null);
