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
            var section = match.Groups["section"];
            var end = match.Groups["end"];
            var sections = end.Success ? $", §§ {section.Value}-{end.Value}" : section.Success ? $", § {section.Value}" : string.Empty;
            found.Add(Spanning(match, series.Kind, $"{written} ch. {chapter}{sections}") with
            {
                Reporter = written,
                Title = chapter,
                Section = section.Success ? section.Value : null,
                SectionEnd = end.Success ? end.Value : null,
            });
            start = match.Index + match.Length;
        }
    }
}
