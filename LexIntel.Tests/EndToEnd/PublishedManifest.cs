using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// The AppHost's publish manifest, produced once for a test class exactly as azd produces it
/// (<c>dotnet run --project LexIntel.AppHost -- --publisher manifest --output-path …</c>), with the
/// worker replica count set to <see cref="WorkerReplicas"/> on the command line.
/// </summary>
public sealed class PublishedManifest : IAsyncLifetime
{
    public const int WorkerReplicas = 3;

    public JsonNode Resources { get; private set; } = null!;

    /// <summary>The folder the manifest was written to, which its paths are relative to (as azd reads them).</summary>
    public string Folder { get; private set; } = null!;

    public JsonNode this[string resource] =>
        Resources[resource] ?? throw new Xunit.Sdk.XunitException($"The manifest has no resource '{resource}': {Resources.ToJsonString()}");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var output = Directory.CreateTempSubdirectory("lexintel-manifest-");
        Folder = output.FullName;
        try
        {
            var manifestPath = Path.Combine(output.FullName, "aspire-manifest.json");
            await PublishAsync(manifestPath, cancellationToken);
            Resources = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath, cancellationToken))!["resources"]!;
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task PublishAsync(string manifestPath, CancellationToken cancellationToken)
    {
        var configuration = typeof(PublishedManifest).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "run", "--project", Projects.LexIntel_AppHost.ProjectPath, "--no-build", "--configuration", configuration,
                "--", "--publisher", "manifest", "--output-path", manifestPath, $"LexIntel:WorkerReplicas={WorkerReplicas}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, $"manifest publishing failed ({process.ExitCode}): {await stdout}{await stderr}");
    }
}
