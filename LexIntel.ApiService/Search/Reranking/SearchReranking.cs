using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Search.Reranking;

/// <summary>
/// The re-ranking stage of a search: the best <see cref="SearchOptions.RerankDepth"/> results
/// re-ordered by the <see cref="ISearchReranker"/>, if one is configured. A reranked result takes
/// the score of the place it moved to, so scores still fall down the list and a cursor pages on;
/// the order is kept for <see cref="CacheLifetime"/>, so the next page continues the same order
/// without asking the model again. When the model fails or is too slow the fused order stands: a
/// search is not lost to an optional stage.
/// </summary>
public sealed partial class SearchReranking(IMemoryCache cache, IOptions<SearchOptions> options, TimeProvider time, ILogger<SearchReranking> logger, ISearchReranker? reranker = null)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(10);

    public bool IsAvailable => reranker is not null;

    /// <summary><paramref name="ranked"/> with its best results in the reranker's order, and what that cost.</summary>
    public async Task<(List<FusedChunk> Ranked, RerankCost? Cost)> RerankAsync(
        SearchQuery query,
        List<FusedChunk> ranked,
        Func<IReadOnlyList<Guid>, Task<IReadOnlyDictionary<Guid, string>>> readPassages,
        CancellationToken cancellationToken)
    {
        if (reranker is null)
        {
            throw new InvalidOperationException("No reranker is configured; a search asks for re-ranking only when IsAvailable.");
        }

        var top = ranked.Take(options.Value.RerankDepth).ToList();
        if (top.Count < 2)
        {
            return (ranked, null);
        }

        var started = time.GetTimestamp();
        var key = CacheKey(query, top);
        var outcome = RerankCost.Cached;
        RerankedOrder? order = cache.Get<RerankedOrder>(key);
        if (order is null)
        {
            order = await AskAsync(reranker, query, top, readPassages, cancellationToken);
            outcome = order is null ? RerankCost.Failed : RerankCost.Reranked;
            if (order is not null)
            {
                cache.Set(key, order with { InputTokens = null, OutputTokens = null }, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CacheLifetime });
            }
        }

        var cost = new RerankCost(time.GetElapsedTime(started), order?.InputTokens, order?.OutputTokens, outcome);
        if (order is null)
        {
            return (ranked, cost);
        }

        var reordered = order.Order.Select((index, place) => top[index] with { Score = top[place].Score });
        return ([.. reordered.Concat(ranked.Skip(top.Count)).OrderByDescending(c => c.Score).ThenBy(c => c.Id)], cost);
    }

    private async Task<RerankedOrder?> AskAsync(ISearchReranker reranker, SearchQuery query, List<FusedChunk> top, Func<IReadOnlyList<Guid>, Task<IReadOnlyDictionary<Guid, string>>> readPassages, CancellationToken cancellationToken)
    {
        var texts = await readPassages([.. top.Select(c => c.Id)]);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RerankTimeout);
        try
        {
            var order = await reranker.RerankAsync(query.Text, [.. top.Select(c => texts.GetValueOrDefault(c.Id, string.Empty))], timeout.Token);
            if (order.Order.Count != top.Count || order.Order.Distinct().Count() != top.Count || order.Order.Any(i => i < 0 || i >= top.Count))
            {
                throw new InvalidOperationException($"The reranker returned {order.Order.Count} places for {top.Count} passages.");
            }

            return order;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogRerankFailed(exception, top.Count, options.Value.RerankTimeout.TotalSeconds);
            return null;
        }
    }

    /// <summary>The query (not the page) and the candidates: a new document in the case changes the candidates, so the order is asked for again.</summary>
    private static string CacheKey(SearchQuery query, List<FusedChunk> top)
    {
        var ids = new byte[top.Count * 16];
        for (var i = 0; i < top.Count; i++)
        {
            top[i].Id.TryWriteBytes(ids.AsSpan(i * 16, 16));
        }

        return $"rerank:{query.Fingerprint:x16}:{BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(ids)):x16}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-ranking {Count} results failed or took over {TimeoutSeconds} s; the fused order stands")]
    private partial void LogRerankFailed(Exception exception, int count, double timeoutSeconds);
}
