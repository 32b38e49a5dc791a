namespace LexIntel.Tests.Harness;

/// <summary>
/// The repository's own test material (<c>testdata/</c>), for the tests and the benchmarks. Found by
/// walking up from the binaries to the repository root, so nothing outside the repository is read.
/// </summary>
public static class TestData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Root => Path.Combine(RepositoryRoot, "testdata");

    public static string CourtDocuments => Path.Combine(Root, "court-documents");

    /// <summary>The labelled retrieval queries over <see cref="CourtDocuments"/>.</summary>
    public static string CourtDocumentQueries => Path.Combine(Root, "queries", "court-documents.jsonl");

    public static string CourtDocument(string name) => Path.Combine(CourtDocuments, name);

    /// <summary>District-court filings from RECAP, with CM/ECF stamps, running heads and pleading paper's line numbers.</summary>
    public static string RecapFilings => Path.Combine(Root, "recap-filings");

    /// <summary>Labelled citation strings, one JSON file per family of forms (<see cref="Citations.LabelledCitations"/>).</summary>
    public static string CitationCases => Path.Combine(Root, "citations");

    /// <summary>The PDFs carrying a court's electronic filing stamps: <see cref="RecapFilings"/> and the appellate filings of <see cref="CourtDocuments"/>.</summary>
    public static IReadOnlyList<string> StampedFilings() =>
        [.. Directory.GetFiles(RecapFilings, "*.pdf").Concat(Directory.GetFiles(CourtDocuments, "ca*.pdf")).Order(StringComparer.Ordinal)];

    /// <summary>The court documents that can be uploaded: the licence and the empty file left out.</summary>
    public static IReadOnlyList<string> UploadableCourtDocuments() =>
        [.. Directory.GetFiles(CourtDocuments)
            .Where(f => new FileInfo(f).Length > 0 && !Path.GetFileName(f).StartsWith("LICENSE", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LexIntel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"The repository root (LexIntel.sln) was not found above {AppContext.BaseDirectory}.");
    }
}
