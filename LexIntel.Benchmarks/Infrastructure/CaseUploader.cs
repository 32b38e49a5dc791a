using System.Diagnostics;
using System.Net.Http.Json;

namespace LexIntel.Benchmarks.Infrastructure;

/// <summary>Uploads files to a new case of the running app and waits until each one it accepted is ready or failed.</summary>
public static class CaseUploader
{
    public static async Task<(Guid CaseId, List<UploadedDocument> Documents)> UploadAndWaitAsync(HttpClient client, IReadOnlyCollection<string> files, CancellationToken cancellationToken)
    {
        using var created = await client.PostAsJsonAsync("/api/cases", new { name = "benchmark" }, cancellationToken);
        var caseId = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<UploadedDocument>(cancellationToken))!.Id;
        using var form = new MultipartFormDataContent();
        foreach (var file in files)
        {
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file, cancellationToken)), "files", Path.GetFileName(file));
        }

        using var upload = await client.PostAsync($"/api/cases/{caseId}/documents", form, cancellationToken);
        upload.EnsureSuccessStatusCode();

        // Files of a type the API does not take (the corpus's WordPerfect .wpd) are rejected, not stored.
        var accepted = (await upload.Content.ReadFromJsonAsync<UploadResult>(cancellationToken))!.Files.Count(f => f.Outcome != "rejected");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var page = await client.GetFromJsonAsync<DocumentList>($"/api/cases/{caseId}/documents?limit=200", cancellationToken);
            if (page!.Items.Count == accepted && page.Items.All(d => d.Status is "ready" or "failed"))
            {
                return (caseId, page.Items);
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(15))
            {
                throw new TimeoutException($"documents of case {caseId} still processing after 15 minutes");
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    private sealed record DocumentList(List<UploadedDocument> Items);

    private sealed record UploadResult(List<UploadOutcome> Files);

    private sealed record UploadOutcome(string Outcome);
}

public sealed record UploadedDocument(Guid Id, string Status, string? FileName, int? PageCount, int ChunkCount, DateTimeOffset UpdatedAt);
