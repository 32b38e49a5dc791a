using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LexIntel.Shared.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The connection string naming the storage account (Azurite on the embedded default).</summary>
    public const string ConnectionName = "blobs";

    /// <summary>
    /// The blob store behind <see cref="IFileStore"/>: a client for the <c>blobs</c> connection
    /// string (an account key connection string, as Azure's portal and Azurite give it), the
    /// container from <see cref="StorageOptions"/> (created at start when missing), and a
    /// readiness check that calls it.
    /// </summary>
    public static IHostApplicationBuilder AddLexIntelFileStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        builder.Services.AddSingleton(_ => new BlobServiceClient(
            !string.IsNullOrWhiteSpace(connectionString)
                ? connectionString
                : throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set: the blob store's connection string (the AppHost sets it; see docs/configuration.md).")));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Container));
        builder.Services.AddSingleton<IFileStore, BlobFileStore>();
        builder.Services.AddHostedService<BlobContainerInitializer>();
        builder.Services.AddHealthChecks().AddCheck<BlobStoreHealthCheck>(ConnectionName);
        return builder;
    }
}
