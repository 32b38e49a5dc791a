namespace LexIntel.WorkerService.Chunking;

/// <summary>
/// A passage of the document text with where it came from; <see cref="Context"/> is its header
/// (<see cref="Context.PassageContext"/>), given once the document's caption is known.
/// </summary>
public sealed record TextChunk(int Ordinal, string Text, int PageStart, int PageEnd, int CharStart, int CharEnd, int TokenCount, string Context = "");
