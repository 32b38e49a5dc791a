using System.Text;
using System.Text.RegularExpressions;
using LexIntel.Shared.Citations;
using LexIntel.Shared.Search;

namespace LexIntel.ApiService.Search;

/// <summary>
/// What keyword search looks for in a query: its citations, quoted phrases and section references
/// (<c>§ 1983</c>), each matched as a phrase, and its other words, each on its own; <c>-word</c> excludes passages holding the word.
/// A passage ranks by how many of these terms it holds, so a question in the user's own words finds
/// the passages sharing most of its meaningful words, not only those holding every one. All text
/// is shaped as passages are indexed (<see cref="LegalText"/>).
/// </summary>
public sealed partial record KeywordTerms(IReadOnlyList<string> Phrases, string Words, string Excluded)
{
    /// <summary>
    /// Words nearly every filing uses, which say nothing about which passage is meant: left out of a
    /// query that has other words (stemmed by PostgreSQL as the query is, so "plaintiffs" goes too).
    /// English stop words ("what", "the") the text search configuration drops itself.
    /// </summary>
    public const string LegalStopWords =
        "court courts case cases plaintiff defendant party parties matter motion order filed file filing document "
        + "counsel attorney pursuant herein thereof therein hereby whether would could shall may also one two "
        + "state states united district judge honor";

    public static KeywordTerms Of(string query, ICitationExtractor citations)
    {
        var spans = citations.Extract(query).Select(c => (c.Start, c.End))
            .Concat(QuotedPhrase().Matches(query).Concat(SectionReference().Matches(query)).Select(m => (Start: m.Index, End: m.Index + m.Length)))
            .OrderBy(s => s.Start)
            .ToList();
        var phrases = new List<string>();
        var words = new StringBuilder();
        var at = 0;
        foreach (var (start, end) in spans)
        {
            if (start < at)
            {
                continue;
            }

            words.Append(query, at, start - at).Append(' ');
            phrases.Add(LegalText.ForFullTextSearch(query[start..end].Trim('"')));
            at = end;
        }

        var rest = words.Append(query, at, query.Length - at).ToString();
        var excluded = string.Join(' ', ExcludedWord().Matches(rest).Select(m => m.Groups["word"].Value));
        var included = ExcludedWord().Replace(rest, " ");
        return new KeywordTerms(phrases, LegalText.ForFullTextSearch(included), excluded);
    }

    [GeneratedRegex("\"[^\"]+\"")]
    private static partial Regex QuotedPhrase();

    // "§ 1983" without its code: the section sign and number together, not "section" anywhere and "1983" anywhere.
    [GeneratedRegex(@"§§?\s*\d[\w.:\-]*")]
    private static partial Regex SectionReference();

    [GeneratedRegex(@"(?<=^|\s)-(?<word>[^\s\-""]+)")]
    private static partial Regex ExcludedWord();
}
