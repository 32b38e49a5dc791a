using Azure.Storage.Blobs;

namespace LexIntel.Tests.Infrastructure;

/// <summary>A real Azurite blob service shared by a test collection; each test uses a container of its own.</summary>
public sealed class AzuriteServer : IAsyncLifetime
{
    private LocalAzuriteServer? server;

    public string ConnectionString => server!.ConnectionString;

    public async ValueTask InitializeAsync() => server = await LocalAzuriteServer.StartAsync(TestContext.Current.CancellationToken);

    /// <summary>A new, empty container.</summary>
    public async Task<BlobContainerClient> CreateContainerAsync()
    {
        var container = server!.CreateClient().GetBlobContainerClient($"test-{Guid.NewGuid():N}");
        await container.CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
        return container;
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
