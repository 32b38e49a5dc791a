namespace LexIntel.Shared.Embeddings;

/// <summary>The configured model answers with vectors the index cannot store; retrying cannot help.</summary>
public sealed class EmbeddingDimensionMismatchException(string message) : Exception(message)
{
}
