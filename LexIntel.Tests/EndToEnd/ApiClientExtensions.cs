using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LexIntel.ApiService.Documents;

namespace LexIntel.Tests.EndToEnd;

internal static class ApiClientExtensions
{
    public static async Task<Guid> CreateCaseAsync(this HttpClient client, string name, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/cases", new { name }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdOnly>(cancellationToken))!.Id;
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid caseId, CancellationToken cancellationToken, params (string FileName, HttpContent Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (fileName, content) in files)
        {
            content.Headers.ContentType ??= new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", fileName);
        }

        return client.PostAsync($"/api/cases/{caseId}/documents", form, cancellationToken);
    }

    public static async Task<DocumentResponse> WaitUntilFinishedAsync(this HttpClient client, Guid documentId, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            var document = (await client.GetFromJsonAsync<DocumentResponse>($"/api/documents/{documentId}", cancellationToken))!;
            if (document.Status is "ready" or "failed")
            {
                return document;
            }

            Assert.True(DateTime.UtcNow < deadline, $"document {documentId} is still {document.Status}");
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>A new case holding the files, each processed to <c>ready</c>: the documents by file name.</summary>
    public static async Task<(Guid Case, Dictionary<string, Guid> Documents)> CreateCaseWithReadyDocumentsAsync(
        this HttpClient client, string name, CancellationToken cancellationToken, params (string FileName, HttpContent Content)[] files)
    {
        var caseId = await client.CreateCaseAsync(name, cancellationToken);
        using var upload = await client.UploadAsync(caseId, cancellationToken, files);
        var documents = (await upload.Content.ReadFromJsonAsync<UploadResponse>(cancellationToken))!.Files.ToDictionary(f => f.FileName, f => f.Document!.Id);
        foreach (var id in documents.Values)
        {
            Assert.Equal("ready", (await client.WaitUntilFinishedAsync(id, cancellationToken)).Status);
        }

        return (caseId, documents);
    }

    /// <summary>A progress feed's events, read until it ends (or <paramref name="until"/> holds), within two minutes.</summary>
    public static async Task<List<SseEvent>> ReadEventsAsync(this HttpClient client, string url, CancellationToken cancellationToken, string? lastEventId = null, Func<List<SseEvent>, bool>? until = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<SseEvent>();
        await foreach (var e in SseEvent.ReadAsync(await response.Content.ReadAsStreamAsync(timeout.Token), timeout.Token))
        {
            events.Add(e);
            if (until?.Invoke(events) == true)
            {
                break;
            }
        }

        return events;
    }

    private sealed record IdOnly(Guid Id);
}
