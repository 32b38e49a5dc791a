namespace LexIntel.ApiService.Documents;

/// <summary>A document's pages in order; empty until the document's text has been saved.</summary>
public sealed record DocumentPagesResponse(Guid DocumentId, IReadOnlyList<DocumentPageResponse> Pages);
