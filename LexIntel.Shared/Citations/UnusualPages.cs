namespace LexIntel.Shared.Citations;

/// <summary>
/// Pages other than plain numbers a reporter is cited by, as reporters-db's edition regexes say
/// (<c>$page_with_letter</c>, <c>$page_with_roman_numerals</c>, <c>$full_cite_cch</c>…).
/// </summary>
[Flags]
public enum UnusualPages
{
    None = 0,

    /// <summary><c>323 Pa. 560a</c>, <c>244 Ark. 1028A</c>.</summary>
    LetterSuffix = 1,

    /// <summary>Capital Roman numerals, <c>47 S.W.2d XI</c> (lower-case front matter, <c>521 U.S. xiii</c>, every volume has).</summary>
    RomanNumerals = 2,

    /// <summary>Looseleaf services cited by paragraph: <c>Fed. Sec. L. Rep. (CCH) ¶ 72,145</c>.</summary>
    Paragraphs = 4,
}
