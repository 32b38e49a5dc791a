namespace LexIntel.AppHost.Infrastructure;

/// <summary>
/// The one storage account Azurite serves, whichever way it runs: its name, and a connection string
/// of the shape Azure's portal gives (account name and key), pointing at Azurite's blob endpoint.
/// </summary>
public static class AzuriteAccount
{
    /// <summary>Replaces Azurite's well-known <c>devstoreaccount1</c>, whose key is public.</summary>
    public const string Name = "lexintel";

    internal const string BlobEndpointName = "blob";

    /// <summary>Azurite's own setting for its accounts (<c>name:key</c>), read from its environment.</summary>
    internal const string AccountsVariable = "AZURITE_ACCOUNTS";

    /// <summary>
    /// Azurite rejects requests of a service version newer than it knows, and the SDK sends its
    /// newest; as Aspire's own emulator resource does, it is told to accept them. Telemetry is off
    /// because Azurite would otherwise report to Application Insights.
    /// </summary>
    internal static readonly string[] Flags = ["--skipApiVersionCheck", "--disableTelemetry", "--loose"];

    internal static ReferenceExpression ConnectionString(EndpointReference blob, ParameterResource key) => ReferenceExpression.Create(
        $"DefaultEndpointsProtocol=http;AccountName={Name};AccountKey={key};BlobEndpoint=http://{blob.Property(EndpointProperty.IPV4Host)}:{blob.Property(EndpointProperty.Port)}/{Name};");

    internal static ReferenceExpression Accounts(ParameterResource key) => ReferenceExpression.Create($"{Name}:{key}");
}
