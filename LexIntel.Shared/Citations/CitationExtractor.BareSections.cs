using System.Text.RegularExpressions;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Citations;

/// <summary>State codes written without a section mark: <c>RCW 4.16.080</c>, <c>N.Y. C.P.L.R. 3211(a)(7)</c>, <c>735 ILCS 5/2-619</c>.</summary>
public sealed partial class CitationExtractor
{
    // How far before an act's slash its chapter and code may start ("735 Ill. Comp. Stat. Ann. 5/").
    private const int MaxChapterActLength = 40;

    private void FindCodesBeforeBareSection(string text, List<FoundCitation> found)
    {
        foreach (Match match in catalog.CodeBeforeBareSection.Matches(text))
        {
            if (catalog.FindCode(match.Groups["code"].ValueSpan) is not { } series)
            {
                continue;
            }

            var section = match.Groups["section"].Value;
            found.Add(Spanning(match, series.Kind, $"{series.Canonical} § {section}") with
            {
                Reporter = series.Canonical,
                Section = section,
            });
        }
    }

    /// <summary>Illinois cites chapter, code, then act and section joined by a slash; only slashes after a digit are looked at.</summary>
    private void FindChapterActSections(string text, List<FoundCitation> found)
    {
        var pattern = CitationPatterns.ChapterActSection();
        var searchedTo = 0;
        for (var slash = text.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = text.IndexOf('/', slash + 1))
        {
            if (slash < searchedTo || !FollowsCodeAndAct(text, slash))
            {
                continue;
            }

            // Start the window at a word's beginning, so the chapter is never a number's tail.
            var from = Math.Max(searchedTo, slash - MaxChapterActLength);
            while (from > searchedTo && !char.IsWhiteSpace(text[from - 1]))
            {
                from--;
            }

            var match = pattern.Match(text, from, Math.Min(text.Length, slash + MaxSectionLength) - from);
            searchedTo = slash + 1;
            if (!match.Success || match.Index > slash || catalog.FindCode(match.Groups["code"].ValueSpan) is not { } series)
            {
                continue;
            }

            var title = match.Groups["title"].Value;
            var section = $"{match.Groups["act"].Value}/{match.Groups["section"].Value}";
            found.Add(Spanning(match, series.Kind, $"{title} {series.Canonical} {section}") with
            {
                Reporter = series.Canonical,
                Title = title,
                Section = section,
            });
            searchedTo = match.Index + match.Length;
        }
    }

    /// <summary>
    /// Whether a slash follows an act number that follows a code's last word ("Stat. 5/", "ILCS 5 /"):
    /// dates and fractions ("3/4/2019", "1/2") are passed over without running the pattern.
    /// </summary>
    private static bool FollowsCodeAndAct(string text, int slash)
    {
        var at = slash - 1;
        if (text[at] == ' ')
        {
            at--;
        }

        var digits = 0;
        while (at >= 0 && char.IsAsciiDigit(text[at]) && digits <= 4)
        {
            at--;
            digits++;
        }

        return digits is > 0 and <= 4 && at > 0 && char.IsWhiteSpace(text[at]) && (char.IsAsciiLetter(text[at - 1]) || text[at - 1] == '.');
    }
}
