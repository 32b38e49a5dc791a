namespace LexIntel.ApiService.Documents;

public sealed record DocumentPage(IReadOnlyList<DocumentResponse> Items, string? NextCursor);
