using System.Text.RegularExpressions;

namespace LexIntel.Shared.Citations;

/// <summary>
/// Finds the case name written just before a citation (<c>Roe v. Wade, 410 U.S. 113</c>) by walking
/// back over its words: capitalized words, abbreviations and the connectors names use, stopping at
/// citation signals and ordinary prose.
/// </summary>
internal static partial class CaseNameFinder
{
    private const int MaxPartyWords = 12;

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "the", "and", "for", "ex", "rel.", "de", "la", "du", "del", "von", "van", "&", "on", "in", "a", "an", "to", "upon", "at", "by",
    };

    private static readonly HashSet<string> Signals = new(StringComparer.OrdinalIgnoreCase)
    {
        "See", "See,", "Cf.", "Cf.,", "But", "E.g.,", "E.g.", "e.g.,", "Accord", "Accord,", "Compare", "also", "also,", "with", "Contra", "Contra,", "In", "quoting", "citing", "(quoting", "(citing", "and", "see", "see,",
    };

    /// <summary>Whether <paramref name="word"/> is a citation signal or linking word ("See", "Cf.", "quoting"), never part of a name.</summary>
    public static bool IsSignal(string word) => Signals.Contains(word);

    /// <summary>
    /// The name and where it starts, or null when the citation has none before it: followed by a
    /// comma, or, <paramref name="afterComma"/> false, by the year California puts before the citation.
    /// </summary>
    public static (string Name, int Start)? Find(string text, int windowStart, int citationStart, bool afterComma = true)
    {
        var window = text.AsSpan(windowStart, citationStart - windowStart).TrimEnd();
        if (window.IsEmpty || (afterComma && window[^1] != ','))
        {
            return null;
        }

        var tokens = new List<(int Start, int End)>();
        foreach (var match in Word().EnumerateMatches(afterComma ? window[..^1] : window))
        {
            tokens.Add((windowStart + match.Index, windowStart + match.Index + match.Length));
        }

        string TokenAt(int i) => text[tokens[i].Start..tokens[i].End];

        var versus = tokens.FindLastIndex(t => text[t.Start..t.End] is "v." or "v" or "vs." or "V.");
        int first;
        if (versus > 0 && tokens.Count - versus - 1 is > 0 and <= MaxPartyWords && Party(versus + 1, tokens.Count))
        {
            first = versus;
            while (first > 0 && versus - first < MaxPartyWords)
            {
                if (NameWord(TokenAt(first - 1)))
                {
                    first--;
                }
                else if (first > 1 && HyphenatedAcrossLines(first - 2))
                {
                    first -= 2;
                }
                else
                {
                    break;
                }
            }

            while (first < versus && (Connectors.Contains(TokenAt(first)) || Signals.Contains(TokenAt(first))))
            {
                first++;
            }

            if (first == versus)
            {
                return null;
            }
        }
        else
        {
            first = tokens.FindLastIndex(t => text[t.Start..t.End] is "In" or "Ex" or "Matter");
            if (first < 0 || first + 1 >= tokens.Count || TokenAt(first + 1) is not ("re" or "parte" or "of")
                || tokens.Count - first > MaxPartyWords || !Party(first + 2, tokens.Count))
            {
                return null;
            }
        }

        var start = tokens[first].Start;
        var raw = text[start..tokens[^1].End];
        if (raw.IndexOf(", No.", StringComparison.Ordinal) is > 0 and var docket)
        {
            raw = raw[..docket];
        }

        return (Whitespace().Replace(LineBreakHyphen().Replace(raw, string.Empty), " "), start);

        // "Mis-" at a line end and "souri" after it are one word.
        bool HyphenatedAcrossLines(int i) =>
            TokenAt(i) is [.., '-'] && text.AsSpan(tokens[i].End, tokens[i + 1].Start - tokens[i].End).Contains('\n');

        bool Party(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (!NameWord(TokenAt(i)) && !(i > from && HyphenatedAcrossLines(i - 1)))
                {
                    return false;
                }
            }

            return from < to && char.IsUpper(TokenAt(from)[0]);
        }
    }

    private static bool NameWord(string word) =>
        !Signals.Contains(word)
        && word[^1] is not (';' or ')' or ':')
        && !word.EndsWith(").", StringComparison.Ordinal)
        && !EndsSentence(word)
        && word[0] is not '('
        && (char.IsUpper(word[0]) || (char.IsDigit(word[0]) && word.Any(char.IsLetter)) || Connectors.Contains(word.TrimEnd(',')) || word is "v." or "v" or "vs.");

    // Names abbreviate short words (Co., Inc., Cty., Inv'rs.); a long plain word with a period ends a sentence.
    private static bool EndsSentence(string word) =>
        word.Length >= 7 && word[^1] == '.' && word.AsSpan(0, word.Length - 1).IndexOfAny('.', '\'', '’') < 0;

    // A name opening a parenthesis, "(People v Jones, 40 NY2d 45 [1976])", starts after it.
    [GeneratedRegex(@"[^\s(]\S*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<=\w)-[ \t]*\r?\n\s*(?=\w)", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreakHyphen();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
