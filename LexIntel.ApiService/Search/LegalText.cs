using System.Text.RegularExpressions;

namespace LexIntel.ApiService.Search;

/// <summary>
/// Query text shaped like the indexed text: PostgreSQL's parser reads "F.3d" as one token and
/// "F. 3d" as two and drops "§", so passages are also indexed with abbreviations closed up and
/// "§" spelled out (see <c>DocumentChunkConfiguration</c>), and a query is treated the same way.
/// </summary>
public static partial class LegalText
{
    public static string ForFullTextSearch(string text) => SectionSign().Replace(SpacedAbbreviation().Replace(text, "$1"), " section ");

    /// <summary>The same patterns as the <c>SearchVector</c> column's <c>regexp_replace</c>s.</summary>
    [GeneratedRegex(@"(\p{Lu}\p{L}{0,3}\.)\s+(?=\p{Lu}\p{L}{0,3}\.|[0-9]{1,2}(?:d|th|st|nd|rd)\b)")]
    private static partial Regex SpacedAbbreviation();

    [GeneratedRegex("§+")]
    private static partial Regex SectionSign();
}
