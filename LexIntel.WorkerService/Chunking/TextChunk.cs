namespace LexIntel.WorkerService.Chunking;

/// <summary>A passage of the document text with where it came from.</summary>
public sealed record TextChunk(int Ordinal, string Text, int PageStart, int PageEnd, int CharStart, int CharEnd, int TokenCount);
