namespace LexIntel.ApiService.Documents;

/// <summary>A page of a document: whether its text came from OCR, and the page furniture taken off its text.</summary>
/// <param name="Furniture">The filing stamps, running heads, page and line numbers removed before chunking, as they read.</param>
public sealed record DocumentPageResponse(int Number, bool ExtractedByOcr, IReadOnlyList<string> Furniture);
