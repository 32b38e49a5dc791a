namespace LexIntel.Shared.Storage;

/// <summary>Bound from <c>LexIntel:Storage</c>; the account itself is the connection string <c>blobs</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "LexIntel:Storage";

    public const string DefaultContainer = "lexintel";

    /// <summary>The blob container holding this deployment's originals; created at start when missing.</summary>
    public string Container { get; set; } = DefaultContainer;

    /// <summary>
    /// Bytes per staged block. An upload holds at most <see cref="MaxConcurrentBlocks"/> + 1 blocks
    /// in memory, whatever the file's size (24 MiB by default). Every block is a request, and
    /// Azurite spends much of its time per request: 8 MiB uploads half again as fast as 4 MiB.
    /// </summary>
    public int BlockSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>Blocks of one upload sent to the store at once, while the next one is read.</summary>
    public int MaxConcurrentBlocks { get; set; } = 2;

    /// <summary>
    /// Read by the migrator only: a folder where an earlier LexIntel kept originals on local disk
    /// (<c>{tenant}/{case}/{document}</c> below it). Its files are moved into the blob store, each
    /// deleted once stored; a later run finds nothing left to move.
    /// </summary>
    public string? MigrateFrom { get; set; }
}
