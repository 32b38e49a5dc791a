using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using LexIntel.AppHost.Infrastructure;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// The AppHost's blob storage resource on the paths this machine cannot run (the container path
/// needs a container engine), read from the app model it builds; the embedded default's Azurite
/// runs in every other end-to-end test.
/// </summary>
[Tier(TestTier.EndToEnd)]
public sealed class BlobStorageModelTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_containers_blobs_is_the_azurite_image_with_a_data_volume_and_the_same_connection_string_shape()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.LexIntel_AppHost>(["LexIntel:Infrastructure=Containers"], Cancel);

        var blobs = Assert.IsType<AzuriteContainerResource>(builder.Resources.Single(r => r.Name == InfrastructureBuilderExtensions.BlobsName));
        var image = blobs.Annotations.OfType<ContainerImageAnnotation>().Single();
        Assert.Equal(("mcr.microsoft.com", "azure-storage/azurite", AzuriteBuilderExtensions.Version), (image.Registry, image.Image, image.Tag));
        Assert.Equal("/data", blobs.Annotations.OfType<ContainerMountAnnotation>().Single().Target);
        Assert.Equal(10000, blobs.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "blob").TargetPort);
        var arguments = await ArgumentsAsync(blobs);
        Assert.Equal("azurite-blob", arguments[0]);
        Assert.Contains("--disableTelemetry", arguments);
        Assert.Contains("--skipApiVersionCheck", arguments);
        Assert.Equal(
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteAccount.Name};AccountKey={{blobs-key.value}};BlobEndpoint=http://{{blobs.bindings.blob.host}}:{{blobs.bindings.blob.port}}/{AzuriteAccount.Name};",
            blobs.ConnectionStringExpression.ValueExpression);
        Assert.Equal($"{AzuriteAccount.Name}:{{blobs-key.value}}", (await EnvironmentAsync(blobs))["AZURITE_ACCOUNTS"]);
    }

    [Fact]
    public async Task On_the_embedded_default_azurite_listens_on_loopback_and_gets_its_key_in_its_environment_only()
    {
        using var data = new ThrowawayDataDirectory();
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.LexIntel_AppHost>(
            ["LexIntel:Infrastructure=Local", $"LexIntel:DataDirectory={data.Path}"], Cancel);

        var blobs = Assert.IsType<LocalAzuriteResource>(builder.Resources.Single(r => r.Name == InfrastructureBuilderExtensions.BlobsName));
        var key = await File.ReadAllTextAsync(Path.Combine(data.Path, "secrets", "blobs-key"), Cancel);
        var arguments = await ArgumentsAsync(blobs);
        Assert.Equal("azurite-blob", blobs.Command);
        Assert.Equal("127.0.0.1", arguments[arguments.IndexOf("--blobHost") + 1]);
        Assert.Equal(Path.Combine(data.Path, "blobs"), arguments[arguments.IndexOf("--location") + 1]);
        Assert.Contains("--disableTelemetry", arguments);
        Assert.DoesNotContain(arguments, a => a.Contains(key.Trim(), StringComparison.Ordinal));
        Assert.Equal($"{AzuriteAccount.Name}:{{blobs-key.value}}", (await EnvironmentAsync(blobs))["AZURITE_ACCOUNTS"]);
        Assert.Contains(blobs.Annotations.OfType<HealthCheckAnnotation>(), h => h.Key == "blobs_check");
    }

    /// <summary>The resource's arguments as written in the manifest (references as <c>{…}</c> placeholders, not values).</summary>
    private static async Task<List<string>> ArgumentsAsync(IResource resource)
    {
        var arguments = new List<object>();
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(new CommandLineArgsCallbackContext(arguments, resource, Cancel));
        }

        return arguments.Select(a => a switch
        {
            string text => text,
            IManifestExpressionProvider expression => expression.ValueExpression,
            _ => a.ToString()!,
        }).ToList();
    }

    private static async Task<Dictionary<string, string>> EnvironmentAsync(IResource resource)
    {
        var variables = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), resource, variables, Cancel);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return variables.ToDictionary(v => v.Key, v => v.Value is IManifestExpressionProvider expression ? expression.ValueExpression : v.Value.ToString()!);
    }
}
