namespace LexIntel.ApiService.Citations;

/// <summary>A document that cites an authority: how often and on which pages.</summary>
public sealed record CitingDocument(Guid DocumentId, string DocumentName, int Count, IReadOnlyList<int> Pages);
