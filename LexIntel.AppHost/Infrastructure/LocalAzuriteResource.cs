namespace LexIntel.AppHost.Infrastructure;

/// <summary>
/// The machine's <c>azurite-blob</c> (Azurite's blob service, from npm) run as an executable, with
/// the connection string shape of the Azurite container and of a real storage account.
/// </summary>
public sealed class LocalAzuriteResource(string name, string command, string workingDirectory, ParameterResource accountKey)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public EndpointReference BlobEndpoint => field ??= new(this, AzuriteAccount.BlobEndpointName);

    public ParameterResource AccountKey { get; } = accountKey;

    public ReferenceExpression ConnectionStringExpression => AzuriteAccount.ConnectionString(BlobEndpoint, AccountKey);
}
