namespace LexIntel.Shared.Storage;

/// <summary>An upload staged under its final key, with what was learnt while it streamed past.</summary>
public sealed record StagedFile(string Key, long Length, string Sha256, ContentSample Sample)
{
    /// <summary>How many blocks the store wrote it in (the store's own bookkeeping).</summary>
    internal int BlockCount { get; init; }
}
