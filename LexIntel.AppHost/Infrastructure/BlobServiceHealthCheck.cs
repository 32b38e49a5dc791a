using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LexIntel.AppHost.Infrastructure;

/// <summary>
/// Healthy once the blob service answers an authenticated request: an open port alone would not
/// prove that the account exists and the key is the one the services are given.
/// </summary>
internal sealed class BlobServiceHealthCheck(Func<string> connectionString) : IHealthCheck
{
    private BlobServiceClient? client;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            client ??= new BlobServiceClient(connectionString());
            await client.GetPropertiesAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or IOException or InvalidOperationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, exception: ex);
        }
    }
}
