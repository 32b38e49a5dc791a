using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using LexIntel.WorkerService.Sandbox;

namespace LexIntel.Tests.Unit.Repository;

/// <summary>
/// The worker's container image, which no machine here can build, read from its Dockerfile: it
/// installs the tools the worker runs on documents from the one list <c>scripts/setup.sh</c> installs
/// too, on the Debian release that list is for, and starts the worker's app host as the extraction
/// sandbox expects, without privileges.
/// </summary>
[Tier(TestTier.Unit)]
public sealed partial class WorkerImageTests
{
    private const string PackageList = "LexIntel.WorkerService/debian-packages.txt";

    /// <summary>How both readers take the list apart: whatever follows '#' dropped, then split at whitespace.</summary>
    private const string ListReader = "sed 's/#.*//'";

    private static readonly IReadOnlyList<DockerfileInstruction> Dockerfile =
        DockerfileInstruction.Read(Path.Combine(TestData.RepositoryRoot, "LexIntel.WorkerService", "Dockerfile"));

    private static int FinalStage => Dockerfile[^1].Stage;

    [Fact]
    public void The_package_list_names_each_debian_package_once()
    {
        var packages = File.ReadAllLines(Path.Combine(TestData.RepositoryRoot, PackageList))
            .SelectMany(line => line.Split('#')[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToList();

        Assert.NotEmpty(packages);
        Assert.All(packages, package => Assert.Matches(DebianPackageName(), package));
        Assert.Equal(packages.Distinct(), packages);
    }

    [Fact]
    public void Setup_installs_the_package_list_with_the_rest_of_the_machine()
    {
        var setup = File.ReadAllLines(Path.Combine(TestData.RepositoryRoot, "scripts", "setup.sh"));

        var read = Assert.Single(setup, line => !line.StartsWith('#') && line.Contains(PackageList, StringComparison.Ordinal));
        Assert.Matches($"""^(?<variable>\w+)=\$\({Regex.Escape(ListReader)} "\$\(dirname "\$0"\)/\.\./{Regex.Escape(PackageList)}"\)$""", read);
        var variable = read[..read.IndexOf('=', StringComparison.Ordinal)];
        Assert.Contains($"packages+=(${variable})", setup);
    }

    [Fact]
    public void The_image_is_debian_12_and_installs_the_package_list_without_recommended_packages()
    {
        // The list names bookworm's packages: the image runs the versions every development and CI machine runs.
        Assert.StartsWith("debian:bookworm-slim ", Single("FROM", FinalStage).Arguments, StringComparison.Ordinal);

        var copy = Assert.Single(Instructions("COPY", FinalStage), c => c.Arguments.StartsWith(PackageList + " ", StringComparison.Ordinal));
        var destination = copy.Arguments[(PackageList.Length + 1)..].Trim();
        var listInImage = destination.EndsWith('/') ? destination + Path.GetFileName(PackageList) : destination;

        var install = Assert.Single(Instructions("RUN", FinalStage), r => r.Arguments.Contains("apt-get install", StringComparison.Ordinal));
        Assert.Contains("--no-install-recommends", install.Arguments, StringComparison.Ordinal);
        Assert.Contains($"$({ListReader} {listInImage})", install.Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void The_image_runs_the_published_app_host_beside_its_dll_on_the_aspnet_runtime_of_the_target_framework()
    {
        var assembly = typeof(SandboxServer).Assembly.GetName().Name!;
        var publish = Assert.Single(Dockerfile, i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet publish", StringComparison.Ordinal));
        Assert.Contains($"LexIntel.WorkerService/{assembly}.csproj", publish.Arguments, StringComparison.Ordinal);
        Assert.Contains("--output /app", publish.Arguments, StringComparison.Ordinal);

        // The sandbox starts the app host it finds beside the worker's dll (SandboxProcess), and the
        // image starts the worker by the same file.
        Assert.DoesNotContain("UseAppHost=false", publish.Arguments, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Instructions("COPY", FinalStage), c => c.Arguments == "--from=build /app ./");
        Assert.Equal("/app", Single("WORKDIR", FinalStage).Arguments);
        Assert.Equal($"[\"/app/{assembly}\"]", Single("ENTRYPOINT", FinalStage).Arguments);

        // The runtime (with ASP.NET Core: the worker serves its health endpoints) and the SDK are of
        // the version the projects target.
        var targetFramework = typeof(SandboxServer).Assembly.GetCustomAttributes(typeof(TargetFrameworkAttribute), false).Cast<TargetFrameworkAttribute>().Single();
        var version = new FrameworkName(targetFramework.FrameworkName).Version.ToString(2);
        Assert.EndsWith($" mcr.microsoft.com/dotnet/sdk:{version} AS build", Single("FROM", publish.Stage).Arguments, StringComparison.Ordinal);
        var runtime = Assert.Single(Dockerfile, i => i.Keyword == "FROM" && i.Arguments == $"mcr.microsoft.com/dotnet/aspnet:{version} AS runtime");
        Assert.Contains(Instructions("COPY", FinalStage), c => c.Arguments == "--from=runtime /usr/share/dotnet /usr/share/dotnet");
        Assert.NotEqual(FinalStage, runtime.Stage);
    }

    [Fact]
    public void The_worker_runs_as_a_user_without_privileges()
    {
        var user = Single("USER", FinalStage).Arguments;
        var uid = user.StartsWith('$')
            ? Assert.Single(Instructions("ENV", FinalStage).SelectMany(e => EnvironmentAssignment().Matches(e.Arguments)), m => "$" + m.Groups["name"].Value == user).Groups["value"].Value
            : user;

        Assert.True(int.TryParse(uid, out var id) && id > 0, $"the image's user is '{user}' ({uid}), not a user id other than root's");
        Assert.Contains(Instructions("RUN", FinalStage), r => r.Arguments.Contains($"useradd --no-log-init --uid={user}", StringComparison.Ordinal));
    }

    private static IEnumerable<DockerfileInstruction> Instructions(string keyword, int stage) =>
        Dockerfile.Where(i => i.Keyword == keyword && i.Stage == stage);

    private static DockerfileInstruction Single(string keyword, int stage) => Assert.Single(Instructions(keyword, stage));

    /// <summary>Debian policy 5.6.1: lower-case letters, digits, '+', '-' and '.', at least two, beginning alphanumeric.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9+.-]+$")]
    private static partial Regex DebianPackageName();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>\S+)")]
    private static partial Regex EnvironmentAssignment();
}
