using System.Collections.Frozen;

namespace LexIntel.Shared.Documents;

/// <summary>
/// Words that end in a period without ending a sentence, common in legal writing ("v.", "Fed.",
/// "U.S.", "Cir."), shared by everything that splits text into sentences so that quoting and
/// chunking agree on where sentences end.
/// </summary>
public static class LegalAbbreviations
{
    /// <summary>Lower case, without the final period; dots inside are kept ("u.s.c", "e.g").</summary>
    public static readonly FrozenSet<string> Words = new[]
    {
        "v", "vs", "no", "nos", "id", "ibid", "al", "inc", "co", "corp", "ltd", "cf", "e.g", "i.e", "etc",
        "art", "sec", "ch", "cl", "ct", "cir", "app", "supp", "stat", "rev", "ed", "rep", "ann", "para", "pp",
        "fed", "civ", "crim", "proc", "evid", "dist", "div", "dept", "gen", "cong", "sess", "pub",
        "mr", "mrs", "ms", "dr", "jr", "sr", "st",
        "u.s", "u.s.c", "n.y", "d.c", "ariz", "cal", "colo", "conn", "fla", "ga", "ill", "ind", "kan", "ky", "la",
        "mass", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "or", "pa", "tenn", "tex",
        "va", "vt", "wash", "wis", "wyo",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "oct", "nov", "dec",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WordsBySpan = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether <paramref name="word"/>, the word before a period without that period, is an
    /// abbreviation or an initial ("J.", "F. 3d", "R. Civ. P."), so the period ends no sentence.
    /// </summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> word) =>
        word.Length == 1 ? char.IsLetter(word[0]) : WordsBySpan.Contains(word);
}
