using Pgvector;

namespace LexIntel.Shared.Data.Entities;

/// <summary>
/// A part of a passage embedded on its own, so semantic search finds the passage by its best
/// sentences as well as by its vector as a whole; written with the passage's own embedding.
/// </summary>
public sealed class PassageWindow
{
    public Guid ChunkId { get; set; }

    public DocumentChunk? Chunk { get; set; }

    public int Ordinal { get; set; }

    /// <summary>Offset of the first character in the passage's text.</summary>
    public int CharStart { get; set; }

    /// <summary>Offset one past the last character in the passage's text.</summary>
    public int CharEnd { get; set; }

    public required Vector Embedding { get; set; }
}
