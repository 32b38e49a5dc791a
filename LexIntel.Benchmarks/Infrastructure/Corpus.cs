namespace LexIntel.Benchmarks.Infrastructure;

/// <summary>The shared test material (<c>../shared</c> beside the repository), for the tests (linked) and the benchmarks.</summary>
public static class Corpus
{
    public static string Root { get; } = FindShared();

    public static string CourtDocuments => Path.Combine(Root, "corpus", "court-documents");

    public static string CourtDocument(string name) => Path.Combine(CourtDocuments, name);

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LexIntel.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(shared)
                    ? shared
                    : throw new DirectoryNotFoundException($"The shared test material was expected at {shared}.");
            }
        }

        throw new DirectoryNotFoundException("The repository root (LexIntel.sln) was not found above the test binaries.");
    }
}
