using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace LexIntel.Shared.Embeddings;

/// <summary>
/// Snowflake arctic-embed-xs (Apache-2.0; 384 dimensions, CLS pooling, 512 tokens) on ONNX Runtime
/// with FastBertTokenizer, fully offline. One session per process, shared by concurrent callers
/// (ONNX Runtime sessions are thread-safe; one intra-op thread per call and several callers beat
/// one call using every core on this kind of machine).
/// </summary>
public sealed partial class ArcticEmbedModel : ITokenCounter, IDisposable
{
    public const string ModelId = "snowflake-arctic-embed-xs";
    public const int Dimensions = 384;
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    private readonly InferenceSession session;
    private readonly ArcticTokenizer tokenizer;
    private readonly bool hasTokenTypeIds;
    private readonly ILogger<ArcticEmbedModel> logger;

    public ArcticEmbedModel(IOptions<EmbeddingOptions> options, ILogger<ArcticEmbedModel>? logger = null)
    {
        this.logger = logger ?? NullLogger<ArcticEmbedModel>.Instance;
        var settings = options.Value;
        (session, var vocabulary) = Load(settings);

        // Once ONNX Runtime holds its own copy, the model's bytes are garbage; a collection that
        // only frees them keeps their memory committed for later allocations, an aggressive one
        // returns it to the system (measured: 365 → 200 MiB of RSS after loading).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        tokenizer = new ArcticTokenizer(vocabulary);
        hasTokenTypeIds = session.InputMetadata.ContainsKey("token_type_ids");
        MaxBatchSize = Math.Max(1, settings.MaxBatchSize);
    }

    public int MaxTokens => tokenizer.MaxTokens;

    public int MaxBatchSize { get; }

    public int CountTokens(string text) => tokenizer.CountTokens(text);

    /// <summary>Unit-length embeddings of <paramref name="texts"/> (at most <see cref="MaxBatchSize"/>), in order.</summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(texts.Count, MaxBatchSize);
        if (texts.Count == 0)
        {
            return [];
        }

        var (encoded, cut) = tokenizer.Encode(texts);
        if (cut > 0)
        {
            LogCut(cut, MaxTokens);
        }

        var length = encoded.Max(e => e.Ids.Length);
        var inputIds = new DenseTensor<long>([texts.Count, length]);
        var attention = new DenseTensor<long>([texts.Count, length]);
        for (var row = 0; row < encoded.Count; row++)
        {
            for (var col = 0; col < encoded[row].Ids.Length; col++)
            {
                inputIds[row, col] = encoded[row].Ids[col];
                attention[row, col] = encoded[row].Mask[col];
            }
        }

        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", inputIds),
            NamedOnnxValue.CreateFromTensor("attention_mask", attention),
        };
        if (hasTokenTypeIds)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>([texts.Count, length])));
        }

        using var outputs = session.Run(inputs);
        var hidden = outputs[0].AsTensor<float>();
        var result = new float[texts.Count][];
        for (var row = 0; row < texts.Count; row++)
        {
            // CLS pooling: the first token's final hidden state, then unit length for cosine.
            var vector = new float[Dimensions];
            double norm = 0;
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] = hidden[row, 0, d];
                norm += vector[d] * vector[d];
            }

            var scale = (float)(1 / Math.Sqrt(Math.Max(norm, 1e-12)));
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] *= scale;
            }

            result[row] = vector;
        }

        return result;
    }

    /// <summary>
    /// Kept out of the constructor so that nothing there still references the model's bytes (a
    /// deconstructed tuple lives as long as its frame) when the constructor collects them.
    /// </summary>
    private static (InferenceSession Session, string Vocabulary) Load(EmbeddingOptions settings)
    {
        var (model, vocabulary) = ArcticResources.Read(
            ArcticResources.AssemblyPath(settings),
            assembly =>
            {
                // Quantizing straight from the resource stream (the mapped image) keeps the float model out of the managed heap.
                using var resource = ArcticResources.Open(assembly, "model.onnx");
                return (settings.Precision == EmbeddingPrecision.Quantized ? DynamicInt8Quantizer.Quantize(resource) : ReadAll(resource), ArcticResources.Vocabulary(assembly));
            });

        // The collectible context only goes away in a collection: one here returns the mapped 90 MB
        // image and the parsed float weights before ONNX Runtime allocates its own copy of the model.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,

            // Memory patterns are planned and kept per input shape, and every batch has a shape of
            // its own (1.6 GiB RSS measured with them); the arena alone stays near one batch's peak.
            EnableMemoryPattern = false,
        };
        return (new InferenceSession(model, sessionOptions), vocabulary);
    }

    private static byte[] ReadAll(Stream stream)
    {
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public void Dispose() => session.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} text(s) longer than the model's window of {MaxTokens} tokens were cut to fit; the chunker should not let that happen")]
    private partial void LogCut(int count, int maxTokens);
}
