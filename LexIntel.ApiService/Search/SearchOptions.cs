namespace LexIntel.ApiService.Search;

/// <summary>Bound from <c>LexIntel:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "LexIntel:Search";

    /// <summary>
    /// What the keyword ranking's scaled score counts in hybrid search (<see cref="HybridFusion.Fuse"/>).
    /// With <see cref="SemanticWeight"/>, the best of the settings tried on the labelled set's
    /// development half (retrieval benchmark): keyword scores, which weigh the query's terms by
    /// rarity, lead; similarity, by a passage's best window too, orders what they leave close.
    /// </summary>
    public double KeywordWeight { get; set; } = 0.6;

    /// <summary>What the semantic ranking's scaled similarity counts in hybrid search; see <see cref="KeywordWeight"/>.</summary>
    public double SemanticWeight { get; set; } = 0.4;

    /// <summary>
    /// Candidates taken from each ranking before fusing, which is also how deep paging reaches:
    /// a query has at most this many results.
    /// </summary>
    public int CandidateDepth { get; set; } = 100;

    /// <summary>
    /// HNSW <c>ef_search</c>: the candidate list the index keeps; higher is slower and closer to exact.
    /// Measured at 100k chunks (search benchmark): recall@10 0.87 at 100, 0.93 at 200, 0.96 at 300, 0.98 at 400.
    /// </summary>
    public int EfSearch { get; set; } = 400;

    /// <summary>
    /// At most this many full-text matches are ranked (<c>ts_rank_cd</c> costs a tsvector read per
    /// row). Only a query matching more passages than this sees a sample ranked: a common word in a
    /// very large case, where the semantic ranking carries hybrid search anyway. A query that many
    /// passages match in full ranks a smaller sample of those (<see cref="ChunkSearcher"/>).
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
