namespace LexIntel.Shared.Embeddings;

/// <summary>Counts tokens the way the embedding model will, so chunks fit its window.</summary>
public interface ITokenCounter
{
    /// <summary>Tokens of <paramref name="text"/> without the model's special tokens.</summary>
    int CountTokens(string text);

    /// <summary>The most tokens (special tokens included) the model reads at once.</summary>
    int MaxTokens { get; }
}
