using System.Net.Http.Json;
using LexIntel.ApiService.Search;

namespace LexIntel.Tests.Harness.Retrieval;

/// <summary>
/// One mode's whole ranking of a query, read through the search API page after page with no
/// grouping: the candidates hybrid search fuses (paging ends at <see cref="SearchOptions.CandidateDepth"/>).
/// </summary>
public static class SearchRanking
{
    public static async Task<List<SearchHit>> ReadAsync(HttpClient client, Guid caseId, string query, string mode, CancellationToken cancellationToken)
    {
        var hits = new List<SearchHit>();
        string? cursor = null;
        do
        {
            using var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/search", new { query, mode, group = "passage", limit = SearchApi.MaxLimit, cursor }, cancellationToken);
            var page = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<SearchResponse>(cancellationToken))!;
            hits.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return hits;
    }
}
