namespace LexIntel.AppHost.Infrastructure;

/// <summary>The Azurite image, blob service only, with the same account and connection string shape as the local one.</summary>
public sealed class AzuriteContainerResource(string name, ParameterResource accountKey)
    : ContainerResource(name), IResourceWithConnectionString
{
    public EndpointReference BlobEndpoint => field ??= new(this, AzuriteAccount.BlobEndpointName);

    public ParameterResource AccountKey { get; } = accountKey;

    public ReferenceExpression ConnectionStringExpression => AzuriteAccount.ConnectionString(BlobEndpoint, AccountKey);
}
