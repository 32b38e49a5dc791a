using System.Text.RegularExpressions;

namespace LexIntel.Shared.Search;

/// <summary>
/// Text shaped for PostgreSQL's full-text parser, which reads "F.3d" as one token and "F. 3d" as
/// two and drops "§": abbreviations are closed up ("F. 3d" → "F.3d", "U. S. C." → "U.S.C.") and
/// "§" is spelled out. Passages are indexed so by the <c>SearchVector</c> column's SQL and queries
/// are shaped so in C#, both built from the patterns here, which is what keeps them alike.
/// </summary>
public static partial class LegalText
{
    // Written in the syntax .NET and PostgreSQL regular expressions share, with ASCII classes and
    // white space spelled out: PostgreSQL's [[:upper:]] and \s follow the database's locale (its \s
    // misses the no-break space pasted citations carry), .NET's \p{Lu} and \s do not.
    private const string SpacedAbbreviationPattern = @"([A-Z][A-Za-z]{0,3}\.)[\t\n\v\f\r \u00A0]+(?=[A-Z][A-Za-z]{0,3}\.|[0-9]{1,2}(?:d|th|st|nd|rd)(?![A-Za-z0-9_]))";

    private const string SectionSignPattern = "§+";

    private const string Section = " section ";

    public static string ForFullTextSearch(string text) => SectionSign().Replace(SpacedAbbreviation().Replace(text, "$1"), Section);

    /// <summary>The same rewrite in SQL, of the text expression <paramref name="text"/>.</summary>
    internal static string ForFullTextSearchSql(string text) =>
        $@"regexp_replace(regexp_replace({text}, '{SpacedAbbreviationPattern}', '\1', 'g'), '{SectionSignPattern}', '{Section}', 'g')";

    [GeneratedRegex(SpacedAbbreviationPattern)]
    private static partial Regex SpacedAbbreviation();

    [GeneratedRegex(SectionSignPattern)]
    private static partial Regex SectionSign();
}
