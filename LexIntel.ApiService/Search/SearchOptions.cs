namespace LexIntel.ApiService.Search;

/// <summary>Bound from <c>LexIntel:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "LexIntel:Search";

    /// <summary>
    /// RRF's k: larger flattens the difference between top ranks. With the weights below, the best
    /// of 30 settings on the labelled set's development half (retrieval benchmark; k 60 and equal
    /// weights before): once keyword search ranked questions by the terms they share, it beat the
    /// semantic ranking, and a flat fusion let the weaker ranking pull hybrid below it.
    /// </summary>
    public int RrfK { get; set; } = 5;

    /// <summary>How much a keyword rank counts in hybrid search (RRF adds <c>weight / (k + rank)</c>); see <see cref="RrfK"/>.</summary>
    public double KeywordWeight { get; set; } = 1.0;

    /// <summary>How much a semantic rank counts in hybrid search; see <see cref="RrfK"/>.</summary>
    public double SemanticWeight { get; set; } = 0.25;

    /// <summary>
    /// Candidates taken from each ranking before fusing, which is also how deep paging reaches:
    /// a query has at most this many results.
    /// </summary>
    public int CandidateDepth { get; set; } = 100;

    /// <summary>
    /// HNSW <c>ef_search</c>: the candidate list the index keeps; higher is slower and closer to exact.
    /// Measured at 100k chunks (search benchmark): recall@10 0.87 at 100, 0.93 at 200, 0.98 at 400.
    /// </summary>
    public int EfSearch { get; set; } = 400;

    /// <summary>
    /// At most this many full-text matches are ranked (<c>ts_rank_cd</c> costs a tsvector read per
    /// row). Only a query matching more passages than this sees a sample ranked: a common word in a
    /// very large case, where the semantic ranking carries hybrid search anyway.
    /// </summary>
    public int KeywordRankWindow { get; set; } = 5000;

    /// <summary>Query embeddings kept in memory (a repeated or paged query is not embedded again).</summary>
    public int QueryEmbeddingCacheEntries { get; set; } = 2048;

    /// <summary>
    /// How many of the best results the re-ranking stage re-orders (and the model reads): the
    /// first two pages of ten, where a lawyer looks.
    /// </summary>
    public int RerankDepth { get; set; } = 20;

    /// <summary>Whether a search that does not say is re-ranked; needs a chat model (<c>ConnectionStrings:chat</c>).</summary>
    public bool RerankByDefault { get; set; }

    /// <summary>How long a search waits for the reranker before it answers in the fused order.</summary>
    public TimeSpan RerankTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
