using System.Text.RegularExpressions;

namespace LexIntel.ApiService.Ask;

/// <summary>
/// Sentences of a passage, for quoting. Legal text is full of periods that end no sentence
/// ("U. S.", "F. 3d", "v.", "No.", "Id."), so a period ends one only when the word before it is
/// not an abbreviation or an initial and a capitalized word follows.
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "v", "vs", "no", "nos", "id", "ibid", "inc", "co", "corp", "ltd", "cf", "e.g", "i.e", "etc", "art", "sec", "ch", "cl", "ct", "cir", "app", "supp", "stat", "rev", "ed", "rep", "fed", "civ", "crim", "proc", "evid", "dist", "mr", "mrs", "ms", "dr", "jr", "sr", "st", "para", "pp", "p", "ann", "cong", "sess", "pub", "l", "u.s", "u.s.c", "n.y", "d.c", "ariz", "cal", "colo", "conn", "fla", "ga", "ill", "ind", "kan", "ky", "la", "mass", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "or", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "oct", "nov", "dec",
    };

    public static IReadOnlyList<string> Split(string text)
    {
        var flat = Whitespace().Replace(text, " ").Trim();
        var sentences = new List<string>();
        var start = 0;
        foreach (Match end in SentenceEnd().Matches(flat))
        {
            var word = LastWord().Match(flat, start, end.Index - start + 1);
            var candidate = word.Success ? word.Groups[1].Value : string.Empty;
            if (candidate.Length == 1 || Abbreviations.Contains(candidate))
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
