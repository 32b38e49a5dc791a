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

    /// <summary>
    /// Token ids and attention masks of each text, cut at <see cref="MaxTokens"/> (keeping the
    /// closing separator), and how many texts were cut. Checked here, not left to the tokenizer's
    /// own limit: a 1,683-token input once reached the model, which failed the document.
    /// </summary>
    public (List<(long[] Ids, long[] Mask)> Encoded, int Cut) Encode(IReadOnlyList<string> texts)
    {
        var encoded = new List<(long[] Ids, long[] Mask)>(texts.Count);
        var cut = 0;
        lock (gate)
        {
            foreach (var text in texts)
            {
                var (ids, mask, _) = tokenizer.Encode(text, MaxTokens);
                if (ids.Length > MaxTokens)
                {
                    cut++;
                    encoded.Add(([.. ids.Span[..(MaxTokens - 1)], ids.Span[^1]], mask[..MaxTokens].ToArray()));
                }
                else
                {
                    encoded.Add((ids.ToArray(), mask.ToArray()));
                }
            }
        }

        return (encoded, cut);
    }
}
