using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Azure;
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
    private readonly Process process;
    private readonly string directory;

    private LocalAzuriteServer(Process process, string directory, string connectionString)
    {
        this.process = process;
        this.directory = directory;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<LocalAzuriteServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("lexintel-azurite-").FullName;
        var port = FreePort().ToString(CultureInfo.InvariantCulture);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var startInfo = new ProcessStartInfo("azurite-blob")
        {
            ArgumentList = { "--blobHost", "127.0.0.1", "--blobPort", port, "--location", directory, "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment["AZURITE_ACCOUNTS"] = $"{AzuriteAccount.Name}:{key}";
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("azurite-blob did not start; run scripts/setup.sh.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new LocalAzuriteServer(
            process,
            directory,
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteAccount.Name};AccountKey={key};BlobEndpoint=http://127.0.0.1:{port}/{AzuriteAccount.Name};");
        var client = new BlobServiceClient(server.ConnectionString, new BlobClientOptions { Retry = { MaxRetries = 0 } });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await client.GetPropertiesAsync(cancellationToken);
                return server;
            }
            catch (RequestFailedException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    public BlobServiceClient CreateClient() => new(ConnectionString);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGKILL is fine: the data is thrown away with the folder.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
