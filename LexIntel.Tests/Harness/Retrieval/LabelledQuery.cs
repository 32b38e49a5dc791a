using System.Text.Json;

namespace LexIntel.Tests.Harness.Retrieval;

/// <summary>
/// One line of a labelled set: a query, the document that answers it, the pages that do, and its
/// style: a <c>question</c> in the user's own words or a <c>keyword</c> lookup (names, citations, terms).
/// </summary>
public sealed record LabelledQuery(string Query, string Document, IReadOnlyList<int> Pages, string Style)
{
    public const string Question = "question";

    public const string Keyword = "keyword";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<List<LabelledQuery>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var queries = new List<LabelledQuery>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var query = JsonSerializer.Deserialize<LabelledQuery>(line, Json);
            if (query is not { Query.Length: > 0, Document.Length: > 0, Pages.Count: > 0, Style: Question or Keyword })
            {
                throw new FormatException($"{path}:{number}: each line needs \"query\", \"document\", a non-empty \"pages\" list and \"style\" \"{Question}\" or \"{Keyword}\".");
            }

            queries.Add(query);
        }

        return queries.Count > 0 ? queries : throw new FormatException($"{path} holds no queries.");
    }
}
