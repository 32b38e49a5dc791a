namespace LexIntel.WorkerService.Chunking;

/// <summary>Bound from <c>LexIntel:Chunking</c>; sizes are in tokens of the embedding model.</summary>
public sealed class ChunkingOptions
{
    public const string SectionName = "LexIntel:Chunking";

    /// <summary>Most tokens in a chunk; below the model's 512 so the special tokens fit.</summary>
    public int MaxTokens { get; set; } = 400;

    /// <summary>Tokens a chunk repeats from the end of the one before, so no passage is cut in two.</summary>
    public int OverlapTokens { get; set; } = 60;
}
