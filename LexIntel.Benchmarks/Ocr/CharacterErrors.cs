using System.Text.RegularExpressions;

namespace LexIntel.Benchmarks.Ocr;

/// <summary>
/// Character errors of recognized text against a reference: the Levenshtein distance (insertions,
/// deletions, substitutions) after whitespace is normalized on both sides, since line breaks and
/// the spaces of a layout are not what OCR is judged by.
/// </summary>
internal static partial class CharacterErrors
{
    /// <summary>Every run of whitespace as one space, none at the ends.</summary>
    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>The fewest single-character edits that turn <paramref name="recognized"/> into <paramref name="reference"/>.</summary>
    public static int Distance(string recognized, string reference) => PrefixDistances(recognized, reference)[^1];

    /// <summary>For every length <c>i</c> of <paramref name="recognized"/>, the distance of its first <c>i</c> characters to the whole <paramref name="reference"/>.</summary>
    public static int[] PrefixDistances(string recognized, string reference)
    {
        var distances = new int[recognized.Length + 1];
        var previous = new int[reference.Length + 1];
        var current = new int[reference.Length + 1];
        for (var j = 0; j <= reference.Length; j++)
        {
            previous[j] = j;
        }

        distances[0] = reference.Length;
        for (var i = 1; i <= recognized.Length; i++)
        {
            current[0] = i;
            var c = recognized[i - 1];
            for (var j = 1; j <= reference.Length; j++)
            {
                var substitution = previous[j - 1] + (c == reference[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
            distances[i] = previous[reference.Length];
        }

        return distances;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
