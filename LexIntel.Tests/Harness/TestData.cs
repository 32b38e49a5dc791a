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
    public static string CourtDocumentQueries => Path.Combine(Queries, "court-documents.jsonl");

    /// <summary>The labelled retrieval queries (<c>*.jsonl</c>) and their split into halves (<see cref="QueryHalves"/>).</summary>
    public static string Queries => Path.Combine(Root, "queries");

    /// <summary>Which documents are the development half of the labelled queries and which the test half.</summary>
    public static string QueryHalves => Path.Combine(Queries, "halves.json");

    /// <summary>More district-court filings and opinions, there to be searched (the labelled queries' documents).</summary>
    public static string SearchDocuments => Path.Combine(Root, "search-documents");

    public static string CourtDocument(string name) => Path.Combine(CourtDocuments, name);

    /// <summary>District-court filings from RECAP, with CM/ECF stamps, running heads and pleading paper's line numbers.</summary>
    public static string RecapFilings => Path.Combine(Root, "recap-filings");

    /// <summary>Real filings that once failed to be processed (a NUL in the text, a chunk over the model's window), kept so they never fail again.</summary>
    public static string IngestionRegressions => Path.Combine(Root, "ingestion-regressions");

    /// <summary>Labelled citation strings, one JSON file per family of forms (<see cref="Citations.LabelledCitations"/>).</summary>
    public static string CitationCases => Path.Combine(Root, "citations");

    /// <summary>The PDFs carrying a court's electronic filing stamps: <see cref="RecapFilings"/> and the appellate filings of <see cref="CourtDocuments"/>.</summary>
    public static IReadOnlyList<string> StampedFilings() =>
        [.. Directory.GetFiles(RecapFilings, "*.pdf").Concat(Directory.GetFiles(CourtDocuments, "ca*.pdf")).Order(StringComparer.Ordinal)];

    /// <summary>The court documents that can be uploaded: the licence and the empty file left out.</summary>
    public static IReadOnlyList<string> UploadableCourtDocuments() =>
        [.. Directory.GetFiles(CourtDocuments).Where(IsUploadable).Order(StringComparer.Ordinal)];

    /// <summary>Every document of the test data's document folders that can be uploaded: what the labelled queries search.</summary>
    public static IReadOnlyList<string> SearchableDocuments() =>
        [.. new[] { CourtDocuments, RecapFilings, SearchDocuments }.SelectMany(Directory.GetFiles).Where(IsUploadable).OrderBy(Path.GetFileName, StringComparer.Ordinal)];

    /// <summary>Not a licence or note beside the documents, and not empty.</summary>
    public static bool IsUploadable(string file) =>
        new FileInfo(file).Length > 0 && !Path.GetFileName(file).StartsWith("LICENSE", StringComparison.Ordinal) && Path.GetExtension(file) != ".md";

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
