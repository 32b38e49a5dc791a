using System.Text.RegularExpressions;

namespace LexIntel.WorkerService.TextCleanup;

/// <summary>
/// Words hyphenated across a line end, put back together. The rule, with no dictionary to ask:
/// a continuation that starts upper-case is a compound of names ("Anglo-\nAmerican" stays
/// "Anglo-American"); otherwise the document decides when it can (the word written whole elsewhere
/// joins, "well-known" written with its hyphen elsewhere keeps it); otherwise a first part that
/// conventionally takes a hyphen ("self", "non", "well"…) keeps it; everything else, a word split
/// by the typesetter, joins ("deter-\nmine" → "determine"). The line break goes either way: the
/// word is whole on the first line.
/// </summary>
internal sealed partial class Hyphenation
{
    private static readonly HashSet<string> HyphenatedPrefixes = new(["self", "non", "well", "ex", "all", "half", "quasi", "cross", "co"], StringComparer.OrdinalIgnoreCase);

    private readonly HashSet<string> words;
    private readonly HashSet<string> compounds;

    /// <param name="pageTexts">The document's text, the evidence for how it writes its words.</param>
    public Hyphenation(IEnumerable<string> pageTexts)
    {
        words = new(StringComparer.OrdinalIgnoreCase);
        compounds = new(StringComparer.OrdinalIgnoreCase);
        foreach (var text in pageTexts)
        {
            foreach (Match word in Word().Matches(text))
            {
                (word.Value.Contains('-', StringComparison.Ordinal) ? compounds : words).Add(word.Value);
            }
        }
    }

    /// <summary><paramref name="text"/> with its line-end hyphenations resolved.</summary>
    public string Join(string text) => LineEndHyphen().Replace(text, m => Joined(m.Groups["first"].Value, m.Groups["second"].Value));

    /// <summary>The word <paramref name="first"/> (its hyphen dropped) and <paramref name="second"/> make.</summary>
    public string Joined(string first, string second)
    {
        if (char.IsUpper(second[0]))
        {
            return $"{first}-{second}";
        }

        var whole = first + second;
        if (words.Contains(whole))
        {
            return whole;
        }

        return compounds.Contains($"{first}-{second}") || HyphenatedPrefixes.Contains(first) ? $"{first}-{second}" : whole;
    }

    /// <summary>A word part ending the line with a hyphen, and the letters that continue it on the next line.</summary>
    [GeneratedRegex(@"(?<first>\p{L}{2,})-[ \t]*\n[ \t]*(?<second>\p{L}+)", RegexOptions.CultureInvariant)]
    private static partial Regex LineEndHyphen();

    [GeneratedRegex(@"\p{L}+(?:-\p{L}+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
