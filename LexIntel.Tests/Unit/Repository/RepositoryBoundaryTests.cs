namespace LexIntel.Tests.Unit.Repository;

[Tier(TestTier.Unit)]
public sealed class RepositoryBoundaryTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("lexintel-boundary-").FullName;

    [Fact]
    public void No_file_of_the_repository_names_a_path_outside_it()
    {
        var violations = RepositoryBoundary.Violations(TestData.RepositoryRoot);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_test_material_is_inside_the_repository()
    {
        Assert.StartsWith(TestData.RepositoryRoot + Path.DirectorySeparatorChar, Path.GetFullPath(TestData.CourtDocuments), StringComparison.Ordinal);
        Assert.True(File.Exists(TestData.CourtDocument("LICENSE.doctor")), "the court documents' licence lies beside them");
        Assert.NotEmpty(TestData.UploadableCourtDocuments());
        Assert.True(File.Exists(TestData.CourtDocumentQueries));
    }

    // The forbidden paths are spelled with placeholders ({up} = "..\", {root} = "/", {drive} = "C:\"),
    // so that this file does not itself break the rule it tests.
    [Theory]
    [InlineData("App/App.csproj", """<None Include="{up}{up}shared\corpus\a.pdf" />""")]
    [InlineData("App/App.csproj", """<ProjectReference Include="{up}{up}Elsewhere\Other.csproj" />""")]
    [InlineData("scripts/setup.sh", "cp {up}{up}data/x .")]
    [InlineData("Tests/Corpus.cs", """var shared = Path.Combine(root, "{dots}", "shared");""")]
    [InlineData("Tests/Paths.cs", """const string Corpus = "{root}work/shared/corpus";""")]
    [InlineData("Tests/Paths.cs", """const string Corpus = @"{drive}src\corpus";""")]
    public void A_path_outside_the_repository_is_found(string file, string line)
    {
        Write(file, line);

        var violation = Assert.Single(RepositoryBoundary.Violations(scratch));
        Assert.StartsWith(file.Replace('/', Path.DirectorySeparatorChar) + ":1:", violation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("App/App.csproj", """<ProjectReference Include="..\Lib\Lib.csproj" />""")]
    [InlineData("Tests/Nested/Nested.csproj", """<ProjectReference Include="..\..\Lib\Lib.csproj" />""")]
    [InlineData("Tests/Upload.cs", """("../../../etc/passwd.txt", content)""")]
    [InlineData("scripts/setup.sh", "install -d /var/lib/lexintel")]
    [InlineData("Lib/Keys.cs", """if (key.Contains("..", StringComparison.Ordinal))""")]
    public void A_path_inside_the_repository_or_of_the_system_is_allowed(string file, string line)
    {
        Write(file, line);

        Assert.Empty(RepositoryBoundary.Violations(scratch));
    }

    private void Write(string file, string line)
    {
        var path = Path.Combine(scratch, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = line.Replace("{up}", "..\\", StringComparison.Ordinal)
            .Replace("{dots}", "..", StringComparison.Ordinal)
            .Replace("{root}", "/", StringComparison.Ordinal)
            .Replace("{drive}", "C:\\", StringComparison.Ordinal);
        File.WriteAllText(path, text + Environment.NewLine);
    }

    public void Dispose() => Directory.Delete(scratch, recursive: true);
}
