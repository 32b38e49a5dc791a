namespace LexIntel.ApiService.Search.Reranking;

/// <summary>
/// Reads a search's best candidates with the query and puts them in a better order: the optional
/// stage after fusion (<see cref="SearchOptions.RerankDepth"/>), which sees whole passages where
/// the rankings saw terms and vectors.
/// </summary>
public interface ISearchReranker
{
    /// <summary>The passages' indices, best first, each once.</summary>
    Task<RerankedOrder> RerankAsync(string query, IReadOnlyList<string> passages, CancellationToken cancellationToken);
}
