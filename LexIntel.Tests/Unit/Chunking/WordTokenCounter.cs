using LexIntel.Shared.Embeddings;

namespace LexIntel.Tests.Unit.Chunking;

/// <summary>One token per word, so a test can place a chunk boundary exactly.</summary>
internal sealed class WordTokenCounter : ITokenCounter
{
    public int MaxTokens => 512;

    public int CountTokens(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
