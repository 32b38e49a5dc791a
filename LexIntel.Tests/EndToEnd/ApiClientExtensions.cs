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

    private sealed record IdOnly(Guid Id);
}
