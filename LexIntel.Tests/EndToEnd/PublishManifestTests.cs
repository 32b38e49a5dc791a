using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// What azd deploys, read from the AppHost's publish manifest (publishing always takes the container
/// path, whatever this machine has): a change that would break a deployment fails here, where Azure
/// is not reachable.
/// </summary>
[Tier(TestTier.EndToEnd)]
public sealed partial class PublishManifestTests(PublishedManifest manifest) : IClassFixture<PublishedManifest>
{
    // What a deployment consists of. A resource added to the AppHost joins these lists.

    /// <summary>Containers azd runs from a published image, each with its data volume.</summary>
    private static readonly Dictionary<string, (string Volume, string Target)> Containers = new()
    {
        // Aspire names a volume after the AppHost and the resource, and azd keys each volume's file
        // share by that name: a new name gives a deployed PostgreSQL or Redis a new, empty disk.
        ["postgres"] = ("lexintel.apphost-73708b4edc-postgres-data", "/var/lib/postgresql/data"),
        ["redis"] = ("lexintel.apphost-73708b4edc-redis-data", "/data"),
    };

    /// <summary>The services (our projects, which azd builds into images) and the connection strings each gets by reference.</summary>
    private static readonly Dictionary<string, string[]> Services = new()
    {
        ["migrator"] = ["lexintel", "blobs"],
        ["api"] = ["lexintel", "redis", "blobs"],
        ["worker"] = ["lexintel", "redis", "blobs"],
    };

    /// <summary>
    /// Services whose image is built from a Dockerfile (by path from the repository root, which is the
    /// build context) rather than by the .NET SDK's container build: the worker's carries the tools it
    /// runs on documents. The others are <c>project.v0</c>.
    /// </summary>
    private static readonly Dictionary<string, string> DockerfileServices = new()
    {
        ["worker"] = "LexIntel.WorkerService/Dockerfile",
    };

    /// <summary>Parameters an operator gives at <c>azd provision</c>, in plain sight.</summary>
    private static readonly string[] PlainParameters = ["oidc-authority", "oidc-audience", "web-client-id"];

    /// <summary>
    /// Parameters azd keeps as secrets (prompted for or generated, stored as Container App secrets);
    /// <c>blobs</c> is a real storage account's connection string.
    /// </summary>
    private static readonly string[] SecretParameters = ["postgres-password", "redis-password", "blobs"];

    private static readonly string[] ProbedServices = ["api", "worker"];

    [Fact]
    public void The_deployment_consists_of_exactly_its_containers_services_and_parameters()
    {
        Assert.Equal(Containers.Keys.Order(), NamesOfType("container.").Where(name => manifest[name]["build"] is null));
        Assert.Equal(DockerfileServices.Keys.Order(), NamesOfType("container.").Where(name => manifest[name]["build"] is not null));
        Assert.Equal(Services.Keys.Except(DockerfileServices.Keys).Order(), NamesOfType("project."));
        Assert.Equal(PlainParameters.Concat(SecretParameters).Order(), NamesOfType("parameter."));
        Assert.Equal("value.v0", (string?)manifest["lexintel"]["type"]);
        Assert.Equal("{postgres.connectionString};Database=lexintel", (string?)manifest["lexintel"]["connectionString"]);
    }

    [Fact]
    public void PostgreSQL_with_pgvector_and_Redis_with_its_append_only_file_keep_their_data_on_volumes()
    {
        Assert.EndsWith("pgvector/pgvector:pg17", (string?)manifest["postgres"]["image"], StringComparison.Ordinal);
        Assert.Contains("redis:", (string?)manifest["redis"]["image"], StringComparison.Ordinal);
        Assert.Contains("--appendonly yes", manifest["redis"]["args"]!.ToJsonString(), StringComparison.Ordinal);

        foreach (var (container, (volume, target)) in Containers)
        {
            var mounted = Assert.Single(manifest[container]["volumes"]!.AsArray());
            Assert.Equal(volume, (string?)mounted!["name"]);
            Assert.Equal(target, (string?)mounted["target"]);
            Assert.False((bool?)mounted["readOnly"]);
        }
    }

    [Fact]
    public void Each_service_gets_its_connection_strings_by_reference_and_nothing_else()
    {
        foreach (var (service, connections) in Services)
        {
            var env = EnvironmentOf(service);
            var given = env.Where(e => e.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToDictionary();
            Assert.Equal(connections.Select(c => $"ConnectionStrings__{c}").Order(), given.Keys.Order());
            foreach (var connection in connections)
            {
                Assert.Equal($"{{{connection}.connectionString}}", given[$"ConnectionStrings__{connection}"]);
            }

            // Blobs, not a shared folder, carry the files between API and workers.
            Assert.DoesNotContain("LexIntel__Storage__RootPath", env.Keys);
        }

        Assert.Equal("Migrator", EnvironmentOf("migrator")["LexIntel__WorkerRole"]);
        Assert.DoesNotContain("LexIntel__WorkerRole", EnvironmentOf("worker").Keys);
        Assert.Equal("{oidc-authority.value}", EnvironmentOf("api")["LexIntel__Identity__Authority"]);
        Assert.Equal("{oidc-audience.value}", EnvironmentOf("api")["LexIntel__Identity__Audience"]);
        Assert.Equal("{web-client-id.value}", EnvironmentOf("api")["LexIntel__WebApp__ClientId"]);
    }

    [Fact]
    public void Secrets_reach_the_deployment_only_as_secret_parameters()
    {
        foreach (var name in SecretParameters)
        {
            var input = manifest[name]["inputs"]!["value"]!;
            Assert.True((bool?)input["secret"], $"parameter '{name}' is not secret");

            // A default value would be written into the manifest in clear (generated ones are not).
            Assert.Null(input["default"]?["value"]);
        }

        foreach (var name in PlainParameters)
        {
            Assert.Null(manifest[name]["inputs"]!["value"]!["secret"]);
        }

        // No Development signing key in a deployment: tokens come from the OIDC provider.
        Assert.DoesNotContain(EnvironmentOf("api").Keys, key => key.StartsWith("LexIntel__Identity__DevelopmentSigningKey", StringComparison.Ordinal));

        foreach (var resource in Containers.Keys.Concat(Services.Keys))
        {
            foreach (var (key, value) in EnvironmentOf(resource).Where(e => SecretName().IsMatch(e.Key)))
            {
                var parameter = SecretReference().Match(value);
                Assert.True(
                    parameter.Success && SecretParameters.Contains(parameter.Groups["name"].Value),
                    $"{resource}'s {key} is '{value}', not a reference to a secret parameter");
            }
        }
    }

    [Fact]
    public void The_api_is_exposed_and_the_worker_has_an_internal_http_port_of_its_own()
    {
        var api = manifest["api"]["bindings"]!;
        Assert.True((bool?)api["http"]!["external"], "azd gives only external bindings a public ingress");
        Assert.Equal("{api.bindings.http.targetPort}", EnvironmentOf("api")["HTTP_PORTS"]);

        var worker = manifest["worker"]["bindings"]!;
        Assert.Equal("http", (string?)worker["http"]!["scheme"]);
        Assert.Null(worker["http"]!["external"]);
        Assert.Equal("{worker.bindings.http.targetPort}", EnvironmentOf("worker")["HTTP_PORTS"]);

        // The migrator runs once and exits: nothing to reach or probe.
        Assert.Null(manifest["migrator"]["bindings"]);
        Assert.Null(manifest["migrator"]["probes"]);
    }

    [Fact]
    public void The_worker_image_is_built_from_its_dockerfile_with_the_repository_root_as_context()
    {
        foreach (var (service, dockerfile) in DockerfileServices)
        {
            // container.v1 with a build section is what azd builds with Docker and deploys (buildOnly
            // would make it an image for other resources only); paths are relative to the manifest.
            Assert.Equal("container.v1", (string?)manifest[service]["type"]);
            Assert.Null(manifest[service]["image"]);
            var build = manifest[service]["build"]!;
            Assert.Equal(TestData.RepositoryRoot, Path.GetFullPath(Path.Combine(manifest.Folder, (string)build["context"]!)));
            Assert.Equal(
                Path.Combine(TestData.RepositoryRoot, dockerfile),
                Path.GetFullPath(Path.Combine(manifest.Folder, (string)build["dockerfile"]!)));
            Assert.True(File.Exists(Path.Combine(TestData.RepositoryRoot, dockerfile)), $"{dockerfile} does not exist");
            Assert.Null(build["stage"]);
            Assert.Null(build["buildOnly"]);

            // The project's command line holds paths on this machine; the image has its own entrypoint.
            Assert.Null(manifest[service]["args"]);
            Assert.Null(manifest[service]["entrypoint"]);

            // Kestrel listens where the binding sends traffic (8080 is also what the image sets).
            Assert.Equal(8080, (int?)manifest[service]["bindings"]!["http"]!["targetPort"]);
        }
    }

    [Fact]
    public void A_service_built_from_a_dockerfile_keeps_what_dotnet_reads_from_its_environment_as_a_project()
    {
        // The API is a project like the worker (the same defaults, ports and GC budget): what it gets
        // for .NET itself (telemetry, forwarded headers, Kestrel's ports, the GC), the image gets too.
        var dotnet = EnvironmentOf("api").Where(e => DotnetSetting().IsMatch(e.Key)).ToList();
        Assert.NotEmpty(dotnet);
        foreach (var service in DockerfileServices.Keys)
        {
            var env = EnvironmentOf(service);
            foreach (var (key, value) in dotnet)
            {
                Assert.Equal(value.Replace("{api.", $"{{{service}.", StringComparison.Ordinal), env.GetValueOrDefault(key));
            }
        }
    }

    [Fact]
    public void Api_and_worker_are_probed_for_readiness_and_liveness_on_their_http_endpoint()
    {
        foreach (var service in ProbedServices)
        {
            (string?, string?, string?)[] expected = [("readiness", "/health", "http"), ("liveness", "/alive", "http")];
            var probes = manifest[service]["probes"]?.AsArray().Select(p => ((string?)p!["type"], (string?)p["path"], (string?)p["endpoint"]));
            Assert.Equal(expected, probes);
            Assert.All(manifest[service]["probes"]!.AsArray(), p => Assert.True((int)p!["periodSeconds"]! > 0));
        }
    }

    [Fact]
    public void The_worker_replica_count_comes_from_the_apphost_setting_and_the_api_leaves_it_to_the_platform()
    {
        Assert.Equal(PublishedManifest.WorkerReplicas, (int?)manifest["worker"]["replicas"]);
        Assert.Null(manifest["api"]["replicas"]);
    }

    private IEnumerable<string> NamesOfType(string typePrefix) =>
        manifest.Resources.AsObject()
            .Where(r => ((string?)r.Value!["type"])?.StartsWith(typePrefix, StringComparison.Ordinal) == true)
            .Select(r => r.Key)
            .Order();

    private Dictionary<string, string> EnvironmentOf(string resource) =>
        manifest[resource]["env"]?.AsObject().ToDictionary(e => e.Key, e => (string)e.Value!) ?? [];

    /// <summary>Environment variables that hold a secret by their name.</summary>
    [GeneratedRegex("PASSWORD|SECRET|KEY", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    /// <summary>Environment variables the .NET runtime, ASP.NET Core or OpenTelemetry's exporter read.</summary>
    [GeneratedRegex("^(DOTNET_|ASPNETCORE_|OTEL_|HTTP_PORTS$)")]
    private static partial Regex DotnetSetting();

    /// <summary>A value that is nothing but a parameter's value.</summary>
    [GeneratedRegex(@"^\{(?<name>[a-z0-9-]+)\.value\}$")]
    private static partial Regex SecretReference();
}
