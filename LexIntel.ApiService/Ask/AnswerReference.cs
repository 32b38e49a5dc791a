namespace LexIntel.ApiService.Ask;

/// <summary>What an answer's <c>[n]</c> points at: a passage of a document, its pages, and the words relied on.</summary>
public sealed record AnswerReference(int Number, Guid ChunkId, Guid DocumentId, string DocumentName, int PageStart, int PageEnd, string Quote);
