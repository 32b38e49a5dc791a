using System.Text.Json.Serialization;
using LexIntel.ApiService.Search.Reranking;

namespace LexIntel.ApiService.Search;

public sealed record SearchResponse(string Mode, IReadOnlyList<SearchHit> Items, string? NextCursor)
{
    /// <summary>What re-ranking cost, sent as a <c>Server-Timing</c> header rather than in the body.</summary>
    [JsonIgnore]
    public RerankCost? Rerank { get; init; }
}
