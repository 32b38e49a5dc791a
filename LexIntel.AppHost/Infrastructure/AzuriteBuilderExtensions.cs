using System.Runtime.Versioning;
using System.Security.Cryptography;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LexIntel.AppHost.Infrastructure;

public static class AzuriteBuilderExtensions
{
    /// <summary>The Azurite release both paths run: the newest that supports Node.js 20 (3.36 needs 21, 3.37 needs 22).</summary>
    public const string Version = "3.35.0";

    /// <summary>
    /// Adds the machine's <c>azurite-blob</c>, on loopback, keeping its data under
    /// <paramref name="data"/> and serving one account whose key is generated once and kept
    /// beside the data.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    public static IResourceBuilder<LocalAzuriteResource> AddLocalAzurite(this IDistributedApplicationBuilder builder, string name, LocalDataDirectory data)
    {
        var dataDirectory = data.PathFor(name);

        // Hex is valid base64 at this length, which is what Azurite and the SDK make of a key.
        var key = builder.AddParameter($"{name}-key", data.ReadOrCreateSecret($"{name}-key"), secret: true);
        var resource = new LocalAzuriteResource(name, builder.Configuration["LexIntel:Local:Azurite"] ?? "azurite-blob", data.Root, key.Resource);

        return builder.AddResource(resource)
            .WithEndpoint(name: AzuriteAccount.BlobEndpointName, scheme: "http", isProxied: true)
            .WithArgs(context =>
            {
                context.Args.Add("--blobHost");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--blobPort");
                context.Args.Add(resource.BlobEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--location");
                context.Args.Add(dataDirectory);
                foreach (var flag in AzuriteAccount.Flags)
                {
                    context.Args.Add(flag);
                }

                // Without it every request is logged to the console, drowning the dashboard's.
                context.Args.Add("--silent");
            })

            // The key goes in the environment, not on the command line, where every local user could read it.
            .WithEnvironment(context => context.EnvironmentVariables[AzuriteAccount.AccountsVariable] = AzuriteAccount.Accounts(key.Resource))
            .OnBeforeResourceStarted((_, _, _) =>
            {
                Directory.CreateDirectory(dataDirectory);
                return Task.CompletedTask;
            })
            .WithBlobServiceHealthCheck();
    }

    /// <summary>Adds the Azurite image, blob service only, with its data in a volume.</summary>
    public static IResourceBuilder<AzuriteContainerResource> AddAzuriteContainer(this IDistributedApplicationBuilder builder, string name)
    {
        // A new key every run is fine: Azurite keeps data by account name, not by key.
        var key = builder.AddParameter($"{name}-key", () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), secret: true);
        var resource = new AzuriteContainerResource(name, key.Resource);
        var container = builder.AddResource(resource)
            .WithImage("azure-storage/azurite", Version)
            .WithImageRegistry("mcr.microsoft.com")
            .WithHttpEndpoint(name: AzuriteAccount.BlobEndpointName, targetPort: 10000)
            .WithArgs(["azurite-blob", "--blobHost", "0.0.0.0", "--location", "/data", .. AzuriteAccount.Flags])
            .WithEnvironment(context => context.EnvironmentVariables[AzuriteAccount.AccountsVariable] = AzuriteAccount.Accounts(key.Resource));
        return container
            .WithVolume(VolumeNameGenerator.Generate(container, "data"), "/data")
            .WithBlobServiceHealthCheck();
    }

    private static IResourceBuilder<T> WithBlobServiceHealthCheck<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithConnectionString =>
        builder.WithConnectionStringHealthCheck((checks, connectionString, key) =>
            checks.Add(new HealthCheckRegistration(key, services => new BlobServiceHealthCheck(() => connectionString(services)), failureStatus: null, tags: null)));
}
