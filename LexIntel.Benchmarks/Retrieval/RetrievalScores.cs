using LexIntel.Tests.Harness.Retrieval;

namespace LexIntel.Benchmarks.Retrieval;

/// <summary>Means over a query set.</summary>
public sealed record RetrievalScores(double Recall5, double Recall10, double Ndcg10)
{
    public static RetrievalScores Average(IReadOnlyList<QueryScore> scores) =>
        new(scores.Average(s => s.Recall5), scores.Average(s => s.Recall10), scores.Average(s => s.Ndcg10));
}
