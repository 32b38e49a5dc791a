using FastBertTokenizer;
using Microsoft.Extensions.Options;

namespace LexIntel.Shared.Embeddings;

/// <summary>arctic-embed-xs's WordPiece tokenizer (FastBertTokenizer): measures chunks and encodes the model's input.</summary>
public sealed class ArcticTokenizer : ITokenCounter
{
    private readonly BertTokenizer tokenizer = new();
    private readonly Lock gate = new();

    public ArcticTokenizer(string vocabulary)
    {
        using var reader = new StringReader(vocabulary);
        tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
    }

    public int MaxTokens => 512;

    /// <summary>
    /// The vocabulary alone, without the model: chunks are cut to this model's measure even when
    /// another provider computes the embeddings, and loading the model for that would cost its memory.
    /// </summary>
    public static ArcticTokenizer Load(IOptions<EmbeddingOptions> options) =>
        new(ArcticResources.Read(ArcticResources.AssemblyPath(options.Value), ArcticResources.Vocabulary));

    public int CountTokens(string text)
    {
        lock (gate)
        {
            // Word pieces are at least a character long, so the text's length (plus CLS and SEP)
            // bounds the count without truncating it.
            return Math.Max(0, tokenizer.Encode(text, maximumTokens: text.Length + 2).InputIds.Length - 2);
        }
    }

    /// <summary>Token ids and attention masks of each text, cut at <see cref="MaxTokens"/>.</summary>
    public List<(long[] Ids, long[] Mask)> Encode(IReadOnlyList<string> texts)
    {
        var encoded = new List<(long[] Ids, long[] Mask)>(texts.Count);
        lock (gate)
        {
            foreach (var text in texts)
            {
                var (ids, mask, _) = tokenizer.Encode(text, MaxTokens);
                encoded.Add((ids.ToArray(), mask.ToArray()));
            }
        }

        return encoded;
    }
}
