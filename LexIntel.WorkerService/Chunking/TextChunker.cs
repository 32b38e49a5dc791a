using System.Text.RegularExpressions;
using LexIntel.Shared.Documents;
using LexIntel.Shared.Embeddings;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Chunking;

/// <summary>
/// Splits a document into passages of at most <see cref="ChunkingOptions.MaxTokens"/> model tokens
/// that end, where possible, at a paragraph or sentence end, each repeating about
/// <see cref="ChunkingOptions.OverlapTokens"/> tokens of the one before, starting at a sentence.
/// Token counts are exact: BERT splits on whitespace before word pieces, so a text's tokens are
/// the sum of its words' tokens.
/// </summary>
public sealed partial class TextChunker(ITokenCounter tokens, IOptions<ChunkingOptions> options)
{
    private enum Break
    {
        None,
        Sentence,
        Paragraph,
    }

    public IReadOnlyList<TextChunk> Chunk(DocumentText document)
    {
        var text = document.Text;
        var words = WordPattern().Matches(text).Select(m => (Start: m.Index, End: m.Index + m.Length)).ToArray();
        if (words.Length == 0)
        {
            return [];
        }

        var settings = options.Value;
        var max = Math.Min(settings.MaxTokens, tokens.MaxTokens - 2);
        var prefix = TokenPrefixSums(text, words);
        var breaks = BreaksAfter(text, words);
        var chunks = new List<TextChunk>();
        var start = 0;
        while (true)
        {
            var end = FurthestEnd(prefix, start, max);
            if (end < words.Length - 1)
            {
                end = PreferredEnd(breaks, prefix, start, end);
            }

            var (charStart, charEnd) = (words[start].Start, words[end].End);
            chunks.Add(new TextChunk(
                chunks.Count,
                text[charStart..charEnd],
                document.PageAt(charStart),
                document.PageAt(charEnd - 1),
                charStart,
                charEnd,
                prefix[end + 1] - prefix[start]));

            if (end == words.Length - 1)
            {
                return chunks;
            }

            start = OverlapStart(breaks, prefix, start, end, settings.OverlapTokens);
        }
    }

    private int[] TokenPrefixSums(string text, (int Start, int End)[] words)
    {
        var cache = new Dictionary<string, int>(StringComparer.Ordinal);
        var prefix = new int[words.Length + 1];
        for (var i = 0; i < words.Length; i++)
        {
            var word = text[words[i].Start..words[i].End];
            if (!cache.TryGetValue(word, out var count))
            {
                count = tokens.CountTokens(word);
                cache[word] = count;
            }

            prefix[i + 1] = prefix[i] + count;
        }

        return prefix;
    }

    private static Break[] BreaksAfter(string text, (int Start, int End)[] words)
    {
        var breaks = new Break[words.Length];
        for (var i = 0; i < words.Length - 1; i++)
        {
            var gap = text.AsSpan(words[i].End, words[i + 1].Start - words[i].End);
            if (gap.Count('\n') >= 2)
            {
                breaks[i] = Break.Paragraph;
            }
            else if (EndsSentence(text[words[i].Start..words[i].End], text[words[i + 1].Start]))
            {
                breaks[i] = Break.Sentence;
            }
        }

        breaks[^1] = Break.Paragraph;
        return breaks;
    }

    private static bool EndsSentence(string word, char next)
    {
        // Opening marks are trimmed too: "(Fed." is the abbreviation "Fed." in a parenthetical.
        var trimmed = word.AsSpan().TrimEnd("\"”’')]").TrimStart("\"“‘'([");
        return trimmed.Length > 0
            && trimmed[^1] is '.' or '!' or '?' or ':' or ';'
            && !(trimmed[^1] == '.' && LegalAbbreviations.IsAbbreviation(trimmed[..^1]))
            && (char.IsUpper(next) || next is '“' or '"' or '(' or '[' or '§' || char.IsDigit(next));
    }

    /// <summary>The last word from <paramref name="start"/> whose running total stays within <paramref name="max"/> (at least one word).</summary>
    private static int FurthestEnd(int[] prefix, int start, int max)
    {
        var end = start;
        while (end + 1 < prefix.Length - 1 && prefix[end + 2] - prefix[start] <= max)
        {
            end++;
        }

        return end;
    }

    /// <summary>A paragraph end in the chunk's last half, else a sentence end in its last half, else the word limit.</summary>
    private static int PreferredEnd(Break[] breaks, int[] prefix, int start, int end)
    {
        var half = prefix[start] + ((prefix[end + 1] - prefix[start]) / 2);
        foreach (var kind in new[] { Break.Paragraph, Break.Sentence })
        {
            for (var i = end; i > start && prefix[i + 1] > half; i--)
            {
                if (breaks[i] >= kind)
                {
                    return i;
                }
            }
        }

        return end;
    }

    /// <summary>
    /// Where the next chunk starts: the earliest sentence start within the last
    /// <paramref name="overlap"/> tokens of this one, else the earliest word within them; always
    /// past <paramref name="start"/> so chunking advances.
    /// </summary>
    private static int OverlapStart(Break[] breaks, int[] prefix, int start, int end, int overlap)
    {
        var earliest = end + 1;
        while (earliest - 1 > start && prefix[end + 1] - prefix[earliest - 1] <= overlap)
        {
            earliest--;
        }

        for (var i = earliest; i <= end; i++)
        {
            if (breaks[i - 1] != Break.None)
            {
                return i;
            }
        }

        return earliest;
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordPattern();
}
