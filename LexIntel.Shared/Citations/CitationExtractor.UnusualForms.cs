using System.Globalization;
using System.Text.RegularExpressions;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Citations;

/// <summary>
/// Forms whose year is written elsewhere than after the citation (California's
/// <c>People v. Smith (2011) 52 Cal.4th 1095</c>, New York's <c>40 NY2d 45 [1976]</c>), volumes and
/// pages not printed yet (<c>___ U.S. ___</c>), and pages that are no plain numbers: letters
/// (<c>323 Pa. 560a</c>), Roman numerals (<c>521 U.S. xiii</c>) and looseleaf paragraphs
/// (<c>Fed. Sec. L. Rep. (CCH) ¶ 72,145</c>).
/// </summary>
public sealed partial class CitationExtractor
{
    // "(9th Cir. 2010)" before a California-style citation: the parenthetical pattern's own bound.
    private const int MaxYearBefore = 70;

    // Words of a looseleaf service's name before its paragraph mark ("1990-1 Trade Cas. (CCH)"), and
    // how far back they may reach.
    private const int MaxServiceWords = 10;
    private const int MaxServiceLength = 120;

    // What follows a paragraph mark: "¶ 1,234,567A".
    private const int MaxParagraphLength = 16;

    private void FindBlankVolumes(string text, List<FoundCitation> found)
    {
        if (!text.Contains("__", StringComparison.Ordinal) && !text.Contains("--", StringComparison.Ordinal))
        {
            return;
        }

        foreach (Match match in CitationPatterns.BlankVolume().Matches(text))
        {
            var reporters = catalog.FindReporter(match.Groups["series"].ValueSpan);
            if (reporters.IsEmpty || IsRunningHeader(text, match.Index))
            {
                continue;
            }

            var reporter = reporters[0];
            found.Add(Spanning(match, reporter.IsJournal ? CitationKind.Journal : CitationKind.Case, $"___ {reporter.Canonical} ___") with
            {
                Reporter = reporter.Canonical,
                Page = "___",
            });
        }
    }

    private void FindParagraphCitations(string text, List<FoundCitation> found)
    {
        var pattern = CitationPatterns.ParagraphCitation();
        var next = 0;
        foreach (var mark in CitationPatterns.ParagraphMark().EnumerateMatches(text))
        {
            var after = mark.Index + mark.Length;
            if (mark.Index < next || !DigitFollows(text, after))
            {
                continue;
            }

            // A service's name lies between the marks, never behind the one before.
            var from = ServiceStartBefore(text, Math.Max(next, mark.Index - MaxServiceLength), mark.Index);
            next = after;
            if (from == mark.Index)
            {
                continue;
            }

            var match = pattern.Match(text, from, Math.Min(text.Length, after + MaxParagraphLength) - from);
            if (match.Success && match.Index + match.Length > mark.Index && ParagraphCitation(text, match) is { } citation)
            {
                found.Add(citation);
                next = citation.End;
            }
        }
    }

    /// <summary>The citation a paragraph match makes, with words before the service's name ("See") left out.</summary>
    private FoundCitation? ParagraphCitation(string text, Match match)
    {
        var series = match.Groups["series"];
        var volume = match.Groups["volume"];
        for (var from = series.Index; from < series.Index + series.Length; from = NextWord(text, from, series.Index + series.Length))
        {
            var reporter = FirstWith(catalog.FindReporter(text.AsSpan(from, series.Index + series.Length - from)), UnusualPages.Paragraphs);
            if (reporter is null)
            {
                continue;
            }

            var written = from == series.Index && volume.Success ? volume.Value : null;
            var paragraph = $"¶ {match.Groups["page"].Value}{match.Groups["letter"].Value}";
            var start = written is null ? from : match.Index;
            var end = match.Index + match.Length;
            return new FoundCitation
            {
                Kind = CitationKind.Case,
                RawText = text[start..end],
                Normalized = written is null ? $"{reporter.Canonical} {paragraph}" : $"{written} {reporter.Canonical} {paragraph}",
                Start = start,
                End = end,
                Volume = int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null,
                Reporter = reporter.Canonical,
                Page = paragraph,
            };
        }

        return null;
    }

    /// <summary>Whether a matched page is one the reporter is cited by: letters and capital numerals only where reporters-db says so.</summary>
    private bool IsPageOf(Match match, CaseReporter reporter)
    {
        var roman = match.Groups["roman"];
        if (roman.Success)
        {
            // "v" and "i" alone are the versus and prose ("i.e."), not front matter.
            return char.IsLower(roman.Value[0])
                ? roman.Value is not ("v" or "i")
                : catalog.UnusualPagesOf(reporter).HasFlag(UnusualPages.RomanNumerals);
        }

        return !match.Groups["letter"].Success || catalog.UnusualPagesOf(reporter).HasFlag(UnusualPages.LetterSuffix);
    }

    private CaseReporter? FirstWith(ReadOnlySpan<CaseReporter> reporters, UnusualPages pages)
    {
        foreach (var reporter in reporters)
        {
            if (catalog.UnusualPagesOf(reporter).HasFlag(pages))
            {
                return reporter;
            }
        }

        return null;
    }

    /// <summary>
    /// A year in a parenthetical just before a citation, California style
    /// (<c>People v. Smith (2011) 52 Cal.4th 1095</c>, <c>(9th Cir. 2010) 600 F.3d 1</c>), and where it opens.
    /// </summary>
    private static (int Year, string? Court, int Start)? YearBefore(string text, int from, int citationStart)
    {
        var end = citationStart;
        while (end > from && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end == from || text[end - 1] != ')')
        {
            return null;
        }

        var open = text.LastIndexOf('(', end - 1, Math.Min(MaxYearBefore, end - from));
        var parenthetical = open < 0 ? Match.Empty : CitationPatterns.Parenthetical().Match(text, open);
        if (!parenthetical.Success || parenthetical.Index + parenthetical.Length != end)
        {
            return null;
        }

        return (int.Parse(parenthetical.Groups["year"].ValueSpan, CultureInfo.InvariantCulture), Court(parenthetical.Groups["court"].Value), open);
    }

    /// <summary>
    /// Which citation of a parallel group the others point to: the first with a page, since
    /// <c>___ U.S. ___</c> names no decision; the first when none has one.
    /// </summary>
    private static int ParallelKey(List<FoundCitation> citations, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (citations[k].Page is not (null or "___"))
            {
                return k;
            }
        }

        return first;
    }

    // California puts a decision's parallel citations in brackets: "52 Cal.4th 1095 [128 Cal.Rptr.3d 1]".
    private static bool OpensBracketedParallels(ReadOnlySpan<char> between) => between.Trim() is ['['];

    private static int AfterClosingBracket(string text, int end)
    {
        var next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        return next < text.Length && text[next] == ']' ? next + 1 : end;
    }

    /// <summary>Where the words before a paragraph mark that could name a service begin: capitalized, numeric, <c>(CCH)</c>.</summary>
    private static int ServiceStartBefore(string text, int floor, int mark)
    {
        var start = mark;
        for (var words = 0; words < MaxServiceWords; words++)
        {
            var end = start;
            while (end > floor && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            var begin = end;
            while (begin > floor && !char.IsWhiteSpace(text[begin - 1]))
            {
                begin--;
            }

            if (begin == end || !(char.IsUpper(text[begin]) || char.IsDigit(text[begin]) || text[begin] is '&' or '(' or '['))
            {
                break;
            }

            start = begin;
        }

        return start;
    }

    private static bool DigitFollows(string text, int index)
    {
        while (index < text.Length && text[index] == ' ')
        {
            index++;
        }

        return index < text.Length && char.IsAsciiDigit(text[index]);
    }

    private static int NextWord(string text, int from, int end)
    {
        var next = from;
        while (next < end && !char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        while (next < end && char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        return next;
    }
}
