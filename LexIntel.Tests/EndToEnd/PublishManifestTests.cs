using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace LexIntel.Tests.EndToEnd;

/// <summary>Publishing (azd, manifest) always takes the container variant, whatever this machine has.</summary>
[Tier(TestTier.EndToEnd)]
public sealed class PublishManifestTests
{
    [Fact]
    public async Task Publishing_produces_pgvector_and_redis_containers_bound_to_the_api_and_workers()
    {
        var cancel = TestContext.Current.CancellationToken;
        var output = Directory.CreateTempSubdirectory("lexintel-manifest-");
        try
        {
            var manifestPath = Path.Combine(output.FullName, "aspire-manifest.json");
            await PublishManifestAsync(manifestPath, cancel);
            var resources = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath, cancel))!["resources"]!;

            var postgres = resources["postgres"]!;
            Assert.StartsWith("container.", (string?)postgres["type"], StringComparison.Ordinal);
            Assert.EndsWith("pgvector/pgvector:pg17", (string?)postgres["image"], StringComparison.Ordinal);
            Assert.NotEmpty(postgres["volumes"]!.AsArray());
            Assert.Equal("{postgres.connectionString};Database=lexintel", (string?)resources["lexintel"]!["connectionString"]);

            var redis = resources["redis"]!;
            Assert.StartsWith("container.", (string?)redis["type"], StringComparison.Ordinal);
            Assert.Contains("redis:", (string?)redis["image"], StringComparison.Ordinal);
            Assert.Contains("--appendonly yes", redis["args"]!.ToJsonString(), StringComparison.Ordinal);

            // Blob storage is a real account's connection string, asked for as a secret.
            var blobs = resources["blobs"]!;
            Assert.Equal("parameter.v0", (string?)blobs["type"]);
            Assert.True((bool?)blobs["inputs"]!["value"]!["secret"]);

            foreach (var service in new[] { "api", "worker", "migrator" })
            {
                var env = resources[service]!["env"]!;
                Assert.Equal("{lexintel.connectionString}", (string?)env["ConnectionStrings__lexintel"]);
                Assert.Equal("{blobs.connectionString}", (string?)env["ConnectionStrings__blobs"]);
                Assert.Null(env["LexIntel__Storage__RootPath"]);
            }

            Assert.Equal("{redis.connectionString}", (string?)resources["api"]!["env"]!["ConnectionStrings__redis"]);
            Assert.Equal("{redis.connectionString}", (string?)resources["worker"]!["env"]!["ConnectionStrings__redis"]);
            Assert.Equal("Migrator", (string?)resources["migrator"]!["env"]!["LexIntel__WorkerRole"]);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static async Task PublishManifestAsync(string manifestPath, CancellationToken cancellationToken)
    {
        var configuration = typeof(PublishManifestTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "run", "--project", Projects.LexIntel_AppHost.ProjectPath, "--no-build", "--configuration", configuration,
                "--", "--publisher", "manifest", "--output-path", manifestPath,
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
