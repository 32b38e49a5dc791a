using System.Text.RegularExpressions;
using LexIntel.Shared.Documents;

namespace LexIntel.ApiService.Ask;

/// <summary>
/// Sentences of a passage, for quoting. Legal text is full of periods that end no sentence
/// ("U. S.", "F. 3d", "v.", "No.", "Id."), so a period ends one only when the word before it is
/// not one of the <see cref="LegalAbbreviations"/> or an initial and a capitalized word follows.
/// </summary>
public static partial class SentenceSplitter
{
    public static IReadOnlyList<string> Split(string text)
    {
        var flat = Whitespace().Replace(text, " ").Trim();
        var sentences = new List<string>();
        var start = 0;
        foreach (Match end in SentenceEnd().Matches(flat))
        {
            var word = LastWord().Match(flat, start, end.Index - start + 1);
            if (word.Success && LegalAbbreviations.IsAbbreviation(word.Groups[1].ValueSpan))
            {
                continue;
            }

            sentences.Add(flat[start..(end.Index + 1)].Trim());
            start = end.Index + end.Length;
        }

        if (start < flat.Length)
        {
            sentences.Add(flat[start..].Trim());
        }

        return sentences;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A terminal mark (closing quotes or brackets may follow) then space before an upper-case start.</summary>
    [GeneratedRegex(@"[.!?][""”’)\]]*\s+(?=[""“‘(\[]?\p{Lu})")]
    private static partial Regex SentenceEnd();

    /// <summary>The word that ends at the terminal mark, dots inside it kept ("U.S", "e.g").</summary>
    [GeneratedRegex(@"([\p{L}.]+)\.$", RegexOptions.RightToLeft)]
    private static partial Regex LastWord();
}
