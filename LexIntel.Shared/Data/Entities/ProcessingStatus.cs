namespace LexIntel.Shared.Data.Entities;

/// <summary>Where a document is in the ingestion pipeline; enough on its own to know what happens next.</summary>
public enum ProcessingStatus
{
    Queued,
    Extracting,
    Chunking,
    Citations,
    Embedding,
    Indexing,
    Ready,
    Failed,
}
