using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Hosting;

namespace LexIntel.Shared.Storage;

/// <summary>
/// Creates the deployment's container at start when it is missing, so a new deployment (or a new
/// Azurite data directory) needs no manual step. It asks first: a connection string scoped to the
/// container (a SAS) may read it but not create containers.
/// </summary>
internal sealed class BlobContainerInitializer(BlobContainerClient container) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if ((await container.ExistsAsync(cancellationToken)).Value)
        {
            return;
        }

        try
        {
            await container.CreateAsync(PublicAccessType.None, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerAlreadyExists)
        {
            // Another process started at the same moment and created it first.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
