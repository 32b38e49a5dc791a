namespace LexIntel.Shared.Embeddings;

public enum EmbeddingPrecision
{
    /// <summary>Weight matrices quantized to 8-bit integers at load time: about twice as fast, nearly the same vectors.</summary>
    Quantized,

    /// <summary>The model's 32-bit float weights as published.</summary>
    Full,
}
