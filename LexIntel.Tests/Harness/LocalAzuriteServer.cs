using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using LexIntel.AppHost.Infrastructure;

namespace LexIntel.Tests.Harness;

/// <summary>
/// A throw-away <c>azurite-blob</c> (as <c>scripts/setup.sh</c> installs it) on a free loopback
/// port, with a generated account key and its data in a temporary folder, for the tests that need
/// a real blob store of their own.
/// </summary>
public sealed class LocalAzuriteServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly LocalServerProcess process;
    private readonly string directory;

    private LocalAzuriteServer(LocalServerProcess process, string directory, string connectionString)
    {
        this.process = process;
        this.directory = directory;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<LocalAzuriteServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("lexintel-azurite-").FullName;
        var port = LocalServerProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var connectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteAccount.Name};AccountKey={key};BlobEndpoint=http://127.0.0.1:{port}/{AzuriteAccount.Name};";
        var startInfo = new ProcessStartInfo("azurite-blob")
        {
            ArgumentList = { "--blobHost", "127.0.0.1", "--blobPort", port, "--location", directory, "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--silent" },
        };
        startInfo.Environment["AZURITE_ACCOUNTS"] = $"{AzuriteAccount.Name}:{key}";
        var client = new BlobServiceClient(connectionString, new BlobClientOptions { Retry = { MaxRetries = 0 } });

        // SIGKILL on disposal is fine: the data is thrown away with the folder.
        var process = await LocalServerProcess.StartAsync(startInfo, async cancel => await client.GetPropertiesAsync(cancel), StartTimeout, cancellationToken);
        return new LocalAzuriteServer(process, directory, connectionString);
    }

    public BlobServiceClient CreateClient() => new(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
