using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LexIntel.Shared.Storage;

/// <summary>
/// Ready when the container answers an authenticated request: the account, the key and the
/// container all hold. Asks for the container, not the account, since that is all a SAS scoped
/// to the container may see.
/// </summary>
internal sealed class BlobStoreHealthCheck(BlobContainerClient container) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await container.ExistsAsync(cancellationToken)).Value
                ? HealthCheckResult.Healthy()
                : new HealthCheckResult(context.Registration.FailureStatus, $"The blob container '{container.Name}' does not exist.");
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or IOException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The blob store did not answer.", ex);
        }
    }
}
