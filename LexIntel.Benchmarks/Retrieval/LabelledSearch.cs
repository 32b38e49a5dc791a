using System.Net.Http.Json;
using LexIntel.Tests.Harness.Retrieval;

namespace LexIntel.Benchmarks.Retrieval;

/// <summary>One labelled query through the search API (a page of ten), scored against its answer pages.</summary>
internal static class LabelledSearch
{
    /// <summary>The score, and the response's <c>Server-Timing</c> header (what re-ranking cost).</summary>
    public static async Task<(QueryScore Score, string ServerTiming)> RunAsync(HttpClient client, Guid caseId, LabelledSet set, LabelledQuery query, string mode, bool rerank, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/search", new { query = query.Query, mode, limit = 10, rerank }, cancellationToken);
        var hits = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<SearchHits>(cancellationToken))!.Items;
        var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? string.Join(", ", values) : string.Empty;
        return (set.Score(query, hits.Select(h => (h.DocumentName, h.PageStart, h.PageEnd))), timing);
    }

    private sealed record SearchHits(List<SearchHit> Items);

    private sealed record SearchHit(string DocumentName, int PageStart, int PageEnd);
}
