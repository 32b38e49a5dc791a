namespace LexIntel.WorkerService.Chunking;

/// <summary>Bound from <c>LexIntel:Chunking</c>; sizes are in tokens of the embedding model.</summary>
public sealed class ChunkingOptions
{
    public const string SectionName = "LexIntel:Chunking";

    /// <summary>
    /// Most tokens in a chunk (the model takes 512). About a long paragraph of an opinion: small
    /// enough that a hit points at one passage and page, and the model embeds ~40 of them a second here.
    /// </summary>
    public int MaxTokens { get; set; } = 300;

    /// <summary>Tokens a chunk repeats from the end of the one before, so no passage is cut in two.</summary>
    public int OverlapTokens { get; set; } = 45;
}
