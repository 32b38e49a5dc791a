namespace LexIntel.Shared.Embeddings;

public enum EmbeddingProvider
{
    /// <summary>arctic-embed-xs in process on ONNX Runtime: offline, the default.</summary>
    Onnx,

    /// <summary>An OpenAI-compatible <c>/embeddings</c> endpoint: OpenAI, Azure OpenAI's v1 API, Ollama (<c>http://host:11434/v1</c>), vLLM…</summary>
    OpenAI,
}
