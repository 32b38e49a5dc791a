using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Azure.Storage.Blobs;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Identity;
using LexIntel.Shared.Storage;
using LexIntel.Tests.Infrastructure;
using StackExchange.Redis;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// Stopping the AppHost stops PostgreSQL, Redis and Azurite cleanly, and a restart finds the data
/// again; originals an earlier version left on local disk move into the blob store on the way.
/// </summary>
[Tier(TestTier.EndToEnd)]
public sealed class RestartTests
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stopping_leaves_no_stale_postmaster_pid_and_a_restart_reuses_the_data_and_moves_legacy_files_into_the_blob_store()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var data = new ThrowawayDataDirectory();
        var tenant = Guid.NewGuid();
        var redisKey = $"lexintel:test:{Guid.NewGuid():N}";
        var brief = "The brief cites Marbury v. Madison, 5 U.S. 137 (1803)."u8.ToArray();
        Guid caseId;
        Guid documentId;

        await using (var first = await LexIntelAppFactory.StartAsync(data.Path, cancel))
        {
            await ApiClients.ProvisionTenantAsync(first, tenant, cancel);
            using var client = CreateClient(first, tenant);
            using var created = await client.PostAsJsonAsync("/api/cases", new { name = "Survives restarts" }, cancel);
            created.EnsureSuccessStatusCode();
            caseId = (await created.Content.ReadFromJsonAsync<CaseIdDto>(cancel))!.Id;
            using var upload = await client.UploadAsync(caseId, cancel, ("brief.txt", new ByteArrayContent(brief)));
            documentId = (await upload.Content.ReadFromJsonAsync<UploadResponse>(cancel))!.Files.Single().Document!.Id;

            await using var redis = await ConnectionMultiplexer.ConnectAsync((await first.GetConnectionStringAsync("redis", cancel))!);
            await redis.GetDatabase().StringSetAsync(redisKey, "kept");
        }

        var pidFile = Path.Combine(data.Path, "postgres", "postmaster.pid");
        var deadline = DateTime.UtcNow + ShutdownTimeout;
        while (File.Exists(pidFile) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, cancel);
        }

        Assert.False(File.Exists(pidFile), "PostgreSQL was not shut down cleanly: postmaster.pid is still there");

        // What an earlier version kept in <DataDirectory>/files, under the same keys.
        var legacyKey = StorageKeys.ForDocument(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var legacyBytes = RandomNumberGenerator.GetBytes(10_000);
        var legacyFiles = Path.Combine(data.Path, "files");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(legacyFiles, legacyKey))!);
        await File.WriteAllBytesAsync(Path.Combine(legacyFiles, legacyKey), legacyBytes, cancel);

        await using var second = await LexIntelAppFactory.StartAsync(data.Path, cancel);
        using var secondClient = CreateClient(second, tenant);
        using var fetched = await secondClient.GetAsync($"/api/cases/{caseId}", cancel);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(brief, await secondClient.GetByteArrayAsync($"/api/documents/{documentId}/content", cancel));

        Assert.False(Directory.Exists(legacyFiles), "the legacy files folder is still there");
        var container = new BlobServiceClient(await second.GetConnectionStringAsync("blobs", cancel)).GetBlobContainerClient(StorageOptions.DefaultContainer);
        var moved = (await container.GetBlobClient(legacyKey).DownloadContentAsync(cancel)).Value;
        Assert.Equal(legacyBytes, moved.Content.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(legacyBytes)), moved.Details.Metadata[BlobFileStore.Sha256Metadata]);

        await using var redisAgain = await ConnectionMultiplexer.ConnectAsync((await second.GetConnectionStringAsync("redis", cancel))!);
        Assert.Equal("kept", (string?)await redisAgain.GetDatabase().StringGetAsync(redisKey));
    }

    private static HttpClient CreateClient(DistributedApplication app, Guid tenant) =>
        ApiClients.Create(app, ApiClients.TokenFor("admin", tenant, Roles.TenantAdmin));

    private sealed record CaseIdDto(Guid Id);
}
