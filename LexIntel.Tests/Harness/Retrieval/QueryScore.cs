namespace LexIntel.Tests.Harness.Retrieval;

/// <summary>
/// How well one ranked list answers one labelled query. Relevance is by page: a hit in the labelled
/// document gains 1 for each labelled page it covers that no higher hit covered, as if those pages
/// were listed one after another where the hit stands (a passage running from one labelled page
/// onto the next answers both at its rank; scoring it as one page capped such a query at 0.61
/// however well it was ranked). The ideal list covers one new labelled page per rank. Recall@k is
/// the share of labelled pages the top k hits cover.
/// </summary>
public sealed record QueryScore(double Recall5, double Recall10, double Ndcg10)
{
    public static QueryScore Of(LabelledQuery query, IReadOnlyList<(string Document, int PageStart, int PageEnd)> hits)
    {
        var labelled = query.Pages.ToHashSet();
        var covered = new HashSet<int>();
        var dcg = 0.0;
        var recall5 = 0.0;
        var position = 0;
        for (var rank = 0; rank < Math.Min(hits.Count, 10); rank++)
        {
            var (document, start, end) = hits[rank];
            var newPages = document == query.Document
                ? Enumerable.Range(start, end - start + 1).Where(p => labelled.Contains(p) && !covered.Contains(p)).ToList()
                : [];
            covered.UnionWith(newPages);
            foreach (var _ in newPages)
            {
                dcg += 1 / Math.Log2(position + 2);
                position++;
            }

            if (newPages.Count == 0)
            {
                position++;
            }

            if (rank == 4)
            {
                recall5 = covered.Count / (double)labelled.Count;
            }
        }

        if (hits.Count < 5)
        {
            recall5 = covered.Count / (double)labelled.Count;
        }

        var ideal = Enumerable.Range(0, Math.Min(labelled.Count, 10)).Sum(rank => 1 / Math.Log2(rank + 2));
        return new QueryScore(recall5, covered.Count / (double)labelled.Count, dcg / ideal);
    }
}
