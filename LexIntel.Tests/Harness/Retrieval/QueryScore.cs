namespace LexIntel.Tests.Harness.Retrieval;

/// <summary>
/// How well one ranked list answers one labelled query. Relevance is by page: a hit counts when it
/// is in the labelled document and covers a labelled page no higher hit covered (gain 1, else 0),
/// so the ideal list covers one new labelled page per rank. Recall@k is the share of labelled
/// pages the top k cover.
/// </summary>
public sealed record QueryScore(double Recall5, double Recall10, double Ndcg10)
{
    public static QueryScore Of(LabelledQuery query, IReadOnlyList<(string Document, int PageStart, int PageEnd)> hits)
    {
        var labelled = query.Pages.ToHashSet();
        var covered = new HashSet<int>();
        var dcg = 0.0;
        var recall5 = 0.0;
        for (var rank = 0; rank < Math.Min(hits.Count, 10); rank++)
        {
            var (document, start, end) = hits[rank];
            if (document == query.Document)
            {
                var newPages = Enumerable.Range(start, end - start + 1).Where(p => labelled.Contains(p) && !covered.Contains(p)).ToList();
                if (newPages.Count > 0)
                {
                    covered.UnionWith(newPages);
                    dcg += 1 / Math.Log2(rank + 2);
                }
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
