namespace LexIntel.ApiService.Search;

/// <summary>
/// A hit's score and where it came from: its rank (1 = best) and raw score in each ranking that
/// found it. <see cref="Value"/> is the fused score in hybrid mode (<see cref="HybridFusion.Fuse"/>), else the mode's own score.
/// </summary>
public sealed record SearchScore(double Value, int? KeywordRank, double? KeywordScore, int? SemanticRank, double? SemanticSimilarity);
