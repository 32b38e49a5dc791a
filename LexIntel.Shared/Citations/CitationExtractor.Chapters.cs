using System.Text.RegularExpressions;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Citations;

/// <summary>Codes cited by chapter: <c>Mass. Gen. Laws ch. 93A, § 9</c>, <c>G. L. c. 231, § 60B</c>, <c>Minn. Stat. ch. 604</c>.</summary>
public sealed partial class CitationExtractor
{
    /// <summary>The chapter is reported as the title, the section (when there is one) as the section.</summary>
    private void FindChapterCodes(string text, List<FoundCitation> found)
    {
        var pattern = CitationPatterns.ChapterCode();
        var marks = CitationPatterns.ChapterMark();
        var start = 0;
        while (marks.Match(text, start) is { Success: true } mark)
        {
            var from = Math.Max(start, CodeStartBefore(text, mark.Index));
            if (!EndsCodeWord(text, mark.Index))
            {
                start = mark.Index + 1;
                continue;
            }

            var match = pattern.Match(text, from, Math.Min(text.Length, mark.Index + MaxSectionLength) - from);
            if (!match.Success || match.Index > mark.Index)
            {
                start = mark.Index + 1;
                continue;
            }

            var (series, written) = FindLaw(match.Groups["code"].Value);
            if (series is null)
            {
                // "See Mass. Gen. Laws ch. 93A": the code may start a word later.
                start = match.Index + 1;
                continue;
            }

            var chapter = match.Groups["chapter"].Value;
            var section = match.Groups["section"] is { Success: true } first ? first.Value : null;
            var end = match.Groups["end"] is { Success: true } last ? last.Value : null;

            // "§§ 2-11" is a range, as in FindCodeSections.
            if (end is null && match.Groups["plural"].Success && section?.LastIndexOf('-') is > 0 and var dash)
            {
                (section, end) = (section[..dash], section[(dash + 1)..]);
            }

            var sections = end is not null ? $", §§ {section}-{end}" : section is not null ? $", § {section}" : string.Empty;
            found.Add(Spanning(match, series.Kind, $"{written} ch. {chapter}{sections}") with
            {
                Reporter = written,
                Title = chapter,
                Section = section,
                SectionEnd = end,
            });
            start = match.Index + match.Length;
        }
    }

    /// <summary>Whether the word before a chapter mark could end a code's name ("Laws", "L.", "Stat."), so "c. 1900" and "ch. 3" in prose cost nothing.</summary>
    private static bool EndsCodeWord(string text, int mark)
    {
        var end = mark;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var begin = end;
        while (begin > 0 && !char.IsWhiteSpace(text[begin - 1]))
        {
            begin--;
        }

        return end > begin && end < mark && char.IsUpper(text[begin]);
    }
}
