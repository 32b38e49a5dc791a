using System.Text.RegularExpressions;

namespace LexIntel.Tests.Unit.Repository;

/// <summary>
/// <c>azure.yaml</c> is what lets <c>azd up</c> run without <c>azd init</c>; it names the AppHost by
/// path, so moving or renaming the AppHost must fail here rather than on an operator's first deploy.
/// </summary>
[Tier(TestTier.Unit)]
public sealed partial class AzureYamlTests
{
    [Fact]
    public void Azure_yaml_deploys_the_apphost_as_one_dotnet_service_to_container_apps()
    {
        var lines = File.ReadAllLines(Path.Combine(TestData.RepositoryRoot, "azure.yaml"));

        Assert.Equal("lexintel", Value(lines, "name"));
        Assert.Equal(["app"], ServiceNames(lines));
        Assert.Equal("dotnet", Value(lines, "language"));
        Assert.Equal("containerapp", Value(lines, "host"));

        var project = Path.GetFullPath(Path.Combine(TestData.RepositoryRoot, Value(lines, "project")));
        Assert.Equal(Path.Combine(TestData.RepositoryRoot, "LexIntel.AppHost", "LexIntel.AppHost.csproj"), project);
        Assert.StartsWith("<Project Sdk=\"Aspire.AppHost.Sdk/", File.ReadAllText(project), StringComparison.Ordinal);
    }

    /// <summary>The value of the one line <c>key: value</c> (at any indentation), comments aside.</summary>
    private static string Value(string[] lines, string key)
    {
        var values = lines.Select(line => KeyValue().Match(line)).Where(m => m.Success && m.Groups["key"].Value == key).ToList();
        return Assert.Single(values).Groups["value"].Value.Trim();
    }

    /// <summary>The keys one level under <c>services:</c>.</summary>
    private static string[] ServiceNames(string[] lines) =>
        [.. lines.SkipWhile(line => line != "services:").Skip(1)
            .TakeWhile(line => line.Length == 0 || line.StartsWith(' '))
            .Select(line => ServiceKey().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups["key"].Value)];

    [GeneratedRegex(@"^\s*(?<key>[a-z]+):\s*(?<value>[^#\s][^#]*)$")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"^  (?<key>[a-z][a-z0-9-]*):\s*$")]
    private static partial Regex ServiceKey();
}
