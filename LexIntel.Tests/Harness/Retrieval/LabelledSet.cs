using System.Text.Json;

namespace LexIntel.Tests.Harness.Retrieval;

/// <summary>
/// A labelled retrieval set: queries, the documents to search (the answering ones among others),
/// and which documents are the test half. The repository's set (<see cref="ReadAsync(CancellationToken)"/>)
/// is split once, by document, into a development half to tune on and a test half to report and
/// never tune on, so the test half measures what a user sees on documents nobody tuned to.
/// Copies (one text filed under two names, page for page) are one document: a hit in either
/// answers a query about the other, and both are in one half.
/// </summary>
public sealed record LabelledSet(IReadOnlyList<LabelledQuery> Queries, IReadOnlyList<string> Files, IReadOnlySet<string> TestDocuments, IReadOnlyDictionary<string, string> CopyOf)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsTest(LabelledQuery query) => TestDocuments.Contains(query.Document);

    /// <summary>The query's score on these hits, a copy of its document counted as the document.</summary>
    public QueryScore Score(LabelledQuery query, IEnumerable<(string Document, int PageStart, int PageEnd)> hits) =>
        QueryScore.Of(query, [.. hits.Select(h => (Original(h.Document) == Original(query.Document) ? query.Document : h.Document, h.PageStart, h.PageEnd))]);

    private string Original(string document) => CopyOf.GetValueOrDefault(document, document);

    /// <summary>Every <c>testdata/queries/*.jsonl</c> over every document of the test data's document folders, halved by <c>halves.json</c>.</summary>
    public static async Task<LabelledSet> ReadAsync(CancellationToken cancellationToken)
    {
        var queries = new List<LabelledQuery>();
        foreach (var path in Directory.GetFiles(TestData.Queries, "*.jsonl").Order(StringComparer.Ordinal))
        {
            queries.AddRange(await LabelledQuery.ReadAsync(path, cancellationToken));
        }

        var files = TestData.SearchableDocuments();
        var halves = JsonSerializer.Deserialize<Halves>(await File.ReadAllTextAsync(TestData.QueryHalves, cancellationToken), Json)
            ?? throw new FormatException($"{TestData.QueryHalves} is empty.");
        var names = files.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var copyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var copies in halves.Copies ?? [])
        {
            if (copies.FirstOrDefault(c => !names.Contains(c)) is { } unknown)
            {
                throw new FormatException($"The copy '{unknown}' in {TestData.QueryHalves} is in none of the test data's document folders.");
            }

            if (copies.Select(halves.Test.Contains).Distinct().Count() > 1)
            {
                throw new FormatException($"The copies {string.Join(", ", copies)} must be in one half of {TestData.QueryHalves}: all in the test half or none.");
            }

            foreach (var copy in copies)
            {
                copyOf[copy] = copies[0];
            }
        }

        foreach (var document in queries.Select(q => q.Document).Distinct())
        {
            if (!names.Contains(document))
            {
                throw new FormatException($"A labelled query names '{document}', which is in none of the test data's document folders.");
            }

            if (halves.Development.Contains(document) == halves.Test.Contains(document))
            {
                throw new FormatException($"'{document}' must be in exactly one half of {TestData.QueryHalves}.");
            }
        }

        return new LabelledSet(queries, files, halves.Test.ToHashSet(StringComparer.Ordinal), copyOf);
    }

    /// <summary>One query file over one folder: a set nobody tuned on, so all of it is the test half.</summary>
    public static async Task<LabelledSet> ReadAsync(string queriesPath, string corpus, CancellationToken cancellationToken)
    {
        var queries = await LabelledQuery.ReadAsync(queriesPath, cancellationToken);
        var files = Directory.GetFiles(corpus).Where(TestData.IsUploadable).Order(StringComparer.Ordinal).ToList();
        return new LabelledSet(queries, files, queries.Select(q => q.Document).ToHashSet(StringComparer.Ordinal), new Dictionary<string, string>());
    }

    private sealed record Halves(IReadOnlyList<string> Development, IReadOnlyList<string> Test, IReadOnlyList<IReadOnlyList<string>>? Copies);
}
