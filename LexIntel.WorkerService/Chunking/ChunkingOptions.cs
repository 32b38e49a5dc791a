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

    /// <summary>
    /// Most tokens in a window of a passage that is embedded on its own besides the whole passage
    /// (0: passages only). A question usually matches a sentence or two; in a 300-token passage's
    /// single vector that match is diluted by the rest (labelled set, development half: semantic
    /// nDCG@10 0.749 with passages alone, 0.828 with 150-token windows too).
    /// </summary>
    public int WindowTokens { get; set; } = 150;

    /// <summary>Tokens a window repeats from the one before.</summary>
    public int WindowOverlapTokens { get; set; } = 25;
}
