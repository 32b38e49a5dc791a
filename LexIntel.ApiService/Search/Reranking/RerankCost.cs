using System.Globalization;

namespace LexIntel.ApiService.Search.Reranking;

/// <summary>What re-ranking a search cost: time, and the model's tokens (none when the order came from the cache or the model failed).</summary>
public sealed record RerankCost(TimeSpan Duration, long? InputTokens, long? OutputTokens, string Outcome)
{
    public const string Reranked = "reranked";
    public const string Cached = "cached";
    public const string Failed = "failed";

    /// <summary>As a <c>Server-Timing</c> metric, which browsers' developer tools and the benchmark read.</summary>
    public string ServerTiming => string.Create(
        CultureInfo.InvariantCulture,
        $"rerank;dur={Duration.TotalMilliseconds:F1};desc=\"{Outcome}{(InputTokens is { } input ? $", {input} input tokens" : string.Empty)}{(OutputTokens is { } output ? $", {output} output tokens" : string.Empty)}\"");
}
