namespace LexIntel.ApiService.Search.Reranking;

/// <summary>A reranker's order (indices into the passages it was given, best first) and the model tokens it cost, when the model reports them.</summary>
public sealed record RerankedOrder(IReadOnlyList<int> Order, long? InputTokens, long? OutputTokens);
