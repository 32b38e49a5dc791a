using System.Text.RegularExpressions;

namespace LexIntel.ApiService.Ask;

/// <summary>
/// Keeps a generated answer honest about its sources: a <c>[n]</c> (or <c>[n, m]</c>) that does not
/// name one of the passages the model was given is removed, so every reference left resolves.
/// </summary>
public static partial class ReferenceIntegrity
{
    /// <summary>The answer with unresolvable references removed, the numbers it still cites, and what was removed.</summary>
    public static (string Text, IReadOnlyList<int> Cited, IReadOnlyList<string> Removed) Clean(string answer, int passages)
    {
        var removed = new List<string>();
        var text = SpacedReference().Replace(answer, match =>
        {
            var bracket = match.Groups["bracket"].Value;
            var kept = CleanBracket(bracket, passages);
            if (kept == bracket)
            {
                return match.Value;
            }

            removed.Add(bracket);
            return kept.Length == 0 ? string.Empty : match.Groups["space"].Value + kept;
        });
        return (text, CitedIn(text), removed);
    }

    /// <summary>The numbers a text cites, in order of first use.</summary>
    public static IReadOnlyList<int> CitedIn(string text) =>
        [.. Reference().Matches(text).SelectMany(m => Numbers(m.Value)).Distinct()];

    /// <summary>One bracket with only the numbers of given passages, or nothing when none is.</summary>
    internal static string CleanBracket(string bracket, int passages)
    {
        var numbers = Numbers(bracket).ToList();
        var valid = numbers.Where(n => n >= 1 && n <= passages).Distinct().ToList();
        return valid.Count == numbers.Count ? bracket : valid.Count == 0 ? string.Empty : $"[{string.Join(", ", valid)}]";
    }

    /// <summary>Whether <paramref name="text"/> could still become a reference as more text arrives.</summary>
    internal static bool IsReferencePrefix(string text) => PartialReference().IsMatch(text);

    internal static bool IsReference(string text) => WholeReference().IsMatch(text);

    private static IEnumerable<int> Numbers(string bracket) =>
        Digits().Matches(bracket).Select(m => int.TryParse(m.Value, out var n) ? n : -1);

    [GeneratedRegex(@"\[\d{1,4}(?:\s*[,;]\s*\d{1,4})*\]")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\[\d{1,4}(?:\s*[,;]\s*\d{1,4})*\]$")]
    private static partial Regex WholeReference();

    [GeneratedRegex(@"^\[(?:\d{1,4}(?:\s*[,;]\s*\d{0,4})*)?$")]
    private static partial Regex PartialReference();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    /// <summary>A reference with the space before it, which goes when the reference does ("claim [7]." → "claim.").</summary>
    [GeneratedRegex(@"(?<space> ?)(?<bracket>\[\d{1,4}(?:\s*[,;]\s*\d{1,4})*\])")]
    private static partial Regex SpacedReference();
}
