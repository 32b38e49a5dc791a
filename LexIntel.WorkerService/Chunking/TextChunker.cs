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
/// the sum of its words' tokens. Passages are cut into smaller windows the same way.
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
        var settings = options.Value;
        var text = document.Text;
        return [.. Spans(text, settings.MaxTokens, settings.OverlapTokens).Select((span, ordinal) => new TextChunk(
            ordinal,
            text[span.Start..span.End],
            document.PageAt(span.Start),
            document.PageAt(span.End - 1),
            span.Start,
            span.End,
            span.Tokens))];
    }

    /// <summary>
    /// The windows of a passage that each get an embedding of their own (<see cref="ChunkingOptions.WindowTokens"/>,
    /// cut like passages); none when the passage fits in one window, whose embedding is the passage's own.
    /// </summary>
    public IReadOnlyList<TextSpan> Windows(string passage)
    {
        var settings = options.Value;
        if (settings.WindowTokens == 0)
        {
            return [];
        }

        var windows = Spans(passage, settings.WindowTokens, settings.WindowOverlapTokens);
        return windows.Count > 1 ? windows : [];
    }

    private List<TextSpan> Spans(string text, int maxTokens, int overlapTokens)
    {
        var max = Math.Min(maxTokens, tokens.MaxTokens - 2);
        var (words, prefix) = Words(text, max);
        var spans = new List<TextSpan>();
        if (words.Length == 0)
        {
            return spans;
        }

        var breaks = BreaksAfter(text, words);
        var start = 0;
        while (true)
        {
            var end = FurthestEnd(prefix, start, max);
            if (end < words.Length - 1)
            {
                end = PreferredEnd(breaks, prefix, start, end);
            }

            spans.Add(new TextSpan(words[start].Start, words[end].End, prefix[end + 1] - prefix[start]));
            if (end == words.Length - 1)
            {
                return spans;
            }

            start = OverlapStart(breaks, prefix, start, end, overlapTokens);
        }
    }

    /// <summary>
    /// The text's words (runs without whitespace) and the running total of their tokens. A word of
    /// more than <paramref name="max"/> tokens (a line of underscores or dots, a run of characters
    /// with no space) is cut into pieces that each fit, so no chunk exceeds the limit whatever the text.
    /// </summary>
    private ((int Start, int End)[] Words, int[] Prefix) Words(string text, int max)
    {
        var cache = new Dictionary<string, int>(StringComparer.Ordinal);
        int Count(int start, int end)
        {
            var word = text[start..end];
            if (!cache.TryGetValue(word, out var count))
            {
                count = tokens.CountTokens(word);
                cache[word] = count;
            }

            return count;
        }

        var words = new List<(int Start, int End)>();
        var prefix = new List<int> { 0 };
        foreach (Match match in WordPattern().Matches(text))
        {
            var (start, end) = (match.Index, match.Index + match.Length);
            while (start < end)
            {
                var pieceEnd = Count(start, end) <= max ? end : LongestFitting(text, start, end, max, Count);
                words.Add((start, pieceEnd));
                prefix.Add(prefix[^1] + Count(start, pieceEnd));
                start = pieceEnd;
            }
        }

        return ([.. words], [.. prefix]);
    }

    /// <summary>The furthest end after <paramref name="start"/> whose piece has at most <paramref name="max"/> tokens (at least one character, never half a surrogate pair).</summary>
    private static int LongestFitting(string text, int start, int end, int max, Func<int, int, int> count)
    {
        var (fits, over) = (start + 1, end);
        while (over - fits > 1)
        {
            var middle = fits + ((over - fits) / 2);
            if (count(start, middle) <= max)
            {
                fits = middle;
            }
            else
            {
                over = middle;
            }
        }

        if (fits < end && char.IsLowSurrogate(text[fits]))
        {
            fits = fits - 1 > start ? fits - 1 : fits + 1;
        }

        return fits;
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
