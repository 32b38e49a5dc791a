using System.Net.Http.Json;

namespace LexIntel.Benchmarks.Load;

/// <summary>
/// The requests a load run sends, made alike for the baseline and the load: searches and questions
/// of the labelled queries over the indexed case, lists, and the corpus's files as uploads.
/// </summary>
internal sealed class LoadRequests(Guid indexCase, IReadOnlyList<string> queries, IReadOnlyList<(string Name, byte[] Bytes)> files)
{
    public int Files => files.Count;

    /// <summary>A hybrid search, the API's default mode, of query <paramref name="i"/> (modulo their number).</summary>
    public HttpRequestMessage Search(int i) =>
        new(HttpMethod.Post, $"/api/cases/{indexCase}/search") { Content = JsonContent.Create(new { query = queries[i % queries.Count], limit = 10 }) };

    public HttpRequestMessage Ask(int i) =>
        new(HttpMethod.Post, $"/api/cases/{indexCase}/ask") { Content = JsonContent.Create(new { question = queries[i % queries.Count] }) };

    /// <summary>The first page of the indexed case's documents, as a case's page shows them.</summary>
    public HttpRequestMessage ListDocuments() => new(HttpMethod.Get, $"/api/cases/{indexCase}/documents?limit=50");

    /// <summary>The first page of the tenant's cases (the uploaders add to them as the run goes on).</summary>
    public static HttpRequestMessage ListCases() => new(HttpMethod.Get, "/api/cases?limit=20");

    public static HttpRequestMessage CreateCase() => new(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(new { name = "load benchmark" }) };

    /// <summary>File <paramref name="i"/> (modulo their number) uploaded to <paramref name="caseId"/>, one file a request as a browser sends it.</summary>
    public HttpRequestMessage Upload(Guid caseId, int i)
    {
        var (name, bytes) = files[i % files.Count];
        return new(HttpMethod.Post, $"/api/cases/{caseId}/documents") { Content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "files", name } } };
    }
}
