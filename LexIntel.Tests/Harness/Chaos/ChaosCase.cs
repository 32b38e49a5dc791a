using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Identity;

namespace LexIntel.Tests.Harness.Chaos;

/// <summary>
/// One case of a chaos run, its own user's (so no per-user limit is shared), watched by its own
/// SSE client; its files are uploaded as a client would, trying again while the API or what it
/// stands on is down. An upload tried again finds the documents that made it the first time as
/// duplicates, which are the same documents.
/// </summary>
public sealed class ChaosCase : IAsyncDisposable
{
    private static readonly TimeSpan UploadTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly HttpClient client;
    private readonly Dictionary<string, Guid> documents = new(StringComparer.Ordinal);

    private ChaosCase(HttpClient client, Guid id, bool hostile)
    {
        this.client = client;
        Id = id;
        Hostile = hostile;
        Watcher = new CaseFeedWatcher(client, id);
    }

    public Guid Id { get; }

    /// <summary>Whether it holds the hostile files (which are expected to fail).</summary>
    public bool Hostile { get; }

    public CaseFeedWatcher Watcher { get; }

    /// <summary>The documents the API accepted, by file name.</summary>
    public IReadOnlyDictionary<string, Guid> Documents => documents;

    /// <summary>Files the API rejected (types it does not take), by name.</summary>
    public List<string> Rejected { get; } = [];

    /// <summary>Creates the case as a tenant admin of its own and connects its SSE client.</summary>
    public static async Task<ChaosCase> CreateAsync(Uri api, Guid tenant, string user, bool hostile, CancellationToken cancellationToken)
    {
        var client = new HttpClient { BaseAddress = api, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiClients.TokenFor(user, tenant, Roles.TenantAdmin));
        using var created = await client.PostAsJsonAsync("/api/cases", new { name = $"chaos {user}" }, cancellationToken);
        var id = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<CreatedCase>(cancellationToken))!.Id;
        var chaosCase = new ChaosCase(client, id, hostile);
        await chaosCase.Watcher.Connected.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return chaosCase;
    }

    public async Task UploadAsync(IReadOnlyList<(string Name, byte[] Content)> files, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + UploadTimeout;
        while (true)
        {
            try
            {
                using var form = new MultipartFormDataContent();
                foreach (var (name, content) in files)
                {
                    var part = new ByteArrayContent(content);
                    part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                    form.Add(part, "files", name);
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(60));
                using var response = await client.PostAsync($"/api/cases/{Id}/documents", form, timeout.Token);
                if (response.StatusCode is HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
                {
                    throw new HttpRequestException($"upload answered {(int)response.StatusCode}", null, response.StatusCode);
                }

                response.EnsureSuccessStatusCode();
                var outcomes = (await response.Content.ReadFromJsonAsync<UploadResponse>(cancellationToken))!.Files;
                if (outcomes.FirstOrDefault(f => f.Error is { Status: >= 500 }) is { } unavailable)
                {
                    // Refused while the blob store or the database was down: the whole upload again.
                    throw new HttpRequestException($"{unavailable.FileName} was refused: {unavailable.Error!.Title}");
                }

                foreach (var file in outcomes)
                {
                    if (file.Document is { } document)
                    {
                        documents[file.FileName] = document.Id;
                    }
                    else
                    {
                        Rejected.Add(file.FileName);
                    }
                }

                return;
            }
            catch (Exception e) when ((e is HttpRequestException or OperationCanceledException) && !cancellationToken.IsCancellationRequested && DateTime.UtcNow < deadline)
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Watcher.DisposeAsync();
        client.Dispose();
    }

    private sealed record CreatedCase(Guid Id);
}
