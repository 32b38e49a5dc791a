using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Identity;
using LexIntel.Shared.Queue;
using LexIntel.Shared.Storage;
using LexIntel.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// The API (run by the AppHost) and two workers started as processes of their own, each in its own
/// folder with its own home and temporary folder, no disk path shared: an upload is processed by
/// whichever worker takes it, with the original passing only through the blob store. Downloads
/// return the exact bytes, and a blob altered behind the app's back is caught on both paths.
/// </summary>
[Tier(TestTier.EndToEnd)]
public sealed class DistributedWorkersTests : IAsyncLifetime
{
    private static readonly string[] Connections = ["lexintel", "redis", StorageServiceCollectionExtensions.ConnectionName];

    private static readonly string[] CourtDocuments = ["vector-pdf.pdf", "word-docx.docx", "broken-mime.pdf"];

    private static readonly TimeSpan WorkerStartTimeout = TimeSpan.FromMinutes(2);

    private readonly ThrowawayDataDirectory data = new();
    private readonly List<WorkerProcess> workers = [];
    private DistributedApplication app = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // The AppHost's own worker would share the API's machine and user; these tests run their own.
        app = await LexIntelAppFactory.StartAsync(
            data.Path,
            builder => builder.Resources.Remove(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "worker")),
            Cancel);

        var connectionStrings = new Dictionary<string, string>();
        foreach (var name in Connections)
        {
            connectionStrings[name] = (await app.GetConnectionStringAsync(name, Cancel))!;
        }

        workers.Add(WorkerProcess.Start("worker-a", connectionStrings));
        workers.Add(WorkerProcess.Start("worker-b", connectionStrings));
    }

    [Fact]
    public async Task Uploads_are_processed_by_separate_workers_through_the_blob_store_and_altered_blobs_are_caught()
    {
        await WaitForBothWorkersAsync();
        var tenant = Guid.NewGuid();
        await ApiClients.ProvisionTenantAsync(app, tenant, Cancel);
        using var client = ApiClients.Create(app, ApiClients.TokenFor("admin", tenant, Roles.TenantAdmin));
        var caseId = await client.CreateCaseAsync("Two workers", Cancel);
        var originals = CourtDocuments.ToDictionary(name => name, name => File.ReadAllBytes(TestData.CourtDocument(name)));
        originals["notes.txt"] = "The notes cite Marbury v. Madison, 5 U.S. 137 (1803)."u8.ToArray();

        using var upload = await client.UploadAsync(caseId, Cancel, [.. originals.Select(o => (o.Key, (HttpContent)new ByteArrayContent(o.Value)))]);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var documents = (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.ToDictionary(f => f.FileName, f => f.Document!.Id);
        foreach (var (name, id) in documents)
        {
            var finished = await client.WaitUntilFinishedAsync(id, Cancel);
            Assert.True(finished.Status == "ready", $"{name} is {finished.Status} ({finished.FailureCode}: {finished.FailureReason}); worker output:\n{WorkerOutput()}");
        }

        foreach (var (name, id) in documents)
        {
            Assert.Equal(originals[name], await client.GetByteArrayAsync($"/api/documents/{id}/content", Cancel));
        }

        var container = new BlobServiceClient(await app.GetConnectionStringAsync(StorageServiceCollectionExtensions.ConnectionName, Cancel))
            .GetBlobContainerClient(StorageOptions.DefaultContainer);

        // Overwritten through the SDK, same length: the record of its SHA-256 goes with the old blob.
        var notes = container.GetBlobClient(StorageKeys.ForDocument(tenant, caseId, documents["notes.txt"]));
        var altered = originals["notes.txt"].ToArray();
        altered[^2] = (byte)'4';
        await notes.UploadAsync(BinaryData.FromBytes(altered), overwrite: true, Cancel);

        using var refused = await client.GetAsync($"/api/documents/{documents["notes.txt"]}/content", Cancel);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Stored file altered", (await refused.Content.ReadFromJsonAsync<ProblemDetails>(Cancel))!.Title);

        using var reprocess = await client.PostAsync($"/api/documents/{documents["notes.txt"]}/reprocess", content: null, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, reprocess.StatusCode);
        var failed = await client.WaitUntilFinishedAsync(documents["notes.txt"], Cancel);
        Assert.Equal(("failed", "file_altered"), (failed.Status, failed.FailureCode));

        // A forger who keeps the length and copies the SHA-256 record: the download is cut short of its length.
        var opinionId = documents["vector-pdf.pdf"];
        var opinion = container.GetBlobClient(StorageKeys.ForDocument(tenant, caseId, opinionId));
        var record = (await opinion.GetPropertiesAsync(cancellationToken: Cancel)).Value.Metadata;
        var forged = originals["vector-pdf.pdf"].ToArray();
        forged[^10] ^= 0x20;
        await opinion.UploadAsync(new MemoryStream(forged), new BlobUploadOptions { Metadata = record }, Cancel);

        using var download = await client.GetAsync($"/api/documents/{opinionId}/content", HttpCompletionOption.ResponseHeadersRead, Cancel);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(forged.Length, download.Content.Headers.ContentLength);
        var cutShort = await Assert.ThrowsAnyAsync<Exception>(() => download.Content.ReadAsByteArrayAsync(Cancel));
        Assert.True(cutShort is IOException or HttpRequestException, $"the altered download ended with {cutShort}");
    }

    /// <summary>Both processes consume extract jobs (as they log once their consumer runs), so either may take one.</summary>
    private async Task WaitForBothWorkersAsync()
    {
        var deadline = DateTime.UtcNow + WorkerStartTimeout;
        while (!workers.All(w => w.Consuming.IsCompleted))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The worker processes did not all consume jobs within {WorkerStartTimeout}; their output:\n{WorkerOutput()}");
            await Task.Delay(100, Cancel);
        }
    }

    private string WorkerOutput() => string.Join("\n", workers.Select(w => $"--- {w.Name}\n{w.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in workers)
        {
            await worker.DisposeAsync();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }

        data.Dispose();
    }
}
