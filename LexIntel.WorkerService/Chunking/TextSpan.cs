namespace LexIntel.WorkerService.Chunking;

/// <summary>Characters <see cref="Start"/> to <see cref="End"/> (exclusive) of a text, and their model tokens.</summary>
public readonly record struct TextSpan(int Start, int End, int Tokens);
