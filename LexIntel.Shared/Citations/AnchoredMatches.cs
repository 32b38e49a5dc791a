using System.Buffers;
using System.Text.RegularExpressions;

namespace LexIntel.Shared.Citations;

/// <summary>
/// Matches of a pattern anchored with <c>\G</c>, tried only where one of the strings every match
/// begins with occurs. The strings are found by a vectorized search, many times faster than the
/// regex engine's own scan for a first letter that is in every other word (<c>i</c>, <c>s</c>, <c>t</c>).
/// </summary>
internal static class AnchoredMatches
{
    private const int None = int.MaxValue;

    /// <summary>
    /// The matches, none overlapping another; <paramref name="sign"/> is a single character a match
    /// may also begin with (<c>§</c>), searched for apart since the fast search wants ASCII strings.
    /// </summary>
    public static IEnumerable<Match> Find(string text, Regex anchored, SearchValues<string> starts, char? sign = null)
    {
        var nextWord = -1;
        var nextSign = sign is null ? None : -1;
        var from = 0;
        while (from < text.Length)
        {
            if (nextWord < from)
            {
                nextWord = text.AsSpan(from).IndexOfAny(starts) is var word and >= 0 ? from + word : None;
            }

            if (nextSign < from)
            {
                nextSign = text.AsSpan(from).IndexOf(sign!.Value) is var mark and >= 0 ? from + mark : None;
            }

            var at = Math.Min(nextWord, nextSign);
            if (at == None)
            {
                yield break;
            }

            var match = anchored.Match(text, at);
            from = match.Success ? Math.Max(at + 1, match.Index + match.Length) : at + 1;
            if (match.Success)
            {
                yield return match;
            }
        }
    }
}
