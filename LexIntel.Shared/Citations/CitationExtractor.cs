using System.Globalization;
using System.Text.RegularExpressions;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Citations;

/// <summary>
/// Finds case citations (with pin cites, parentheticals, case names and parallel citations),
/// short forms resolved to what they refer to, statutes, regulations, federal court rules and law
/// journal articles, recognizing every reporter, journal and code that reporters-db knows.
/// Pure, thread-safe, and linear in the text: no I/O, no backtracking blow-ups.
/// </summary>
public sealed partial class CitationExtractor(ReporterCatalog catalog) : ICitationExtractor
{
    // A case name sits within a sentence or two of its citation.
    private const int CaseNameWindow = 250;

    // A code's words (title, abbreviations, "tit. 82,") before its section mark.
    private const int MaxCodeWords = 12;

    // A section range with subsections, and what the pattern looks at after it.
    private const int MaxSectionLength = 120;

    public CitationExtractor()
        : this(ReporterCatalog.Default)
    {
    }

    public IReadOnlyList<FoundCitation> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var found = new List<FoundCitation>();
        var reporterSpellings = new Dictionary<int, string>();
        FindVolumeCitations(text, found, reporterSpellings);
        FindBlankVolumes(text, found);
        FindParagraphCitations(text, found);
        FindNeutralCitations(text, found);
        FindCodeSections(text, found);
        FindChapterCodes(text, found);
        FindCodesBeforeBareSection(text, found);
        FindChapterActSections(text, found);
        FindCodeSectionsWithoutMark(text, found);
        FindCourtRules(text, found);
        FindShortForms(text, AnchoredMatches.Find(text, CitationPatterns.Id(), CitationPatterns.IdStarts), CitationKind.Id, found);
        FindShortForms(text, CitationPatterns.Supra().Matches(text), CitationKind.Supra, found);

        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var distinct = new List<FoundCitation>(found.Count);
        foreach (var citation in found)
        {
            if (distinct.Count == 0 || citation.Start >= distinct[^1].End)
            {
                distinct.Add(citation);
            }
        }

        AddStatuteYears(text, distinct);
        return CaseReferenceFinder.Add(text, ShortFormResolver.Resolve(text, AddCaseContext(text, distinct, reporterSpellings)));
    }

    private void FindVolumeCitations(string text, List<FoundCitation> found, Dictionary<int, string> reporterSpellings)
    {
        var pattern = CitationPatterns.VolumeSeriesPage();
        for (var match = pattern.Match(text); match.Success; match = pattern.Match(text, NextStart(match, found)))
        {
            var series = match.Groups["series"];
            var reporters = catalog.FindReporter(series.ValueSpan);
            var volume = match.Groups["volume"].ValueSpan;
            if (reporters.IsEmpty && !match.Groups["at"].Success && catalog.FindSessionLaw(series.ValueSpan) is { } sessionLaw)
            {
                AddSessionLaw(match, sessionLaw, found);
                continue;
            }

            if (reporters.IsEmpty || IsNeutral(volume, series.ValueSpan) || (IsBareCode(series.ValueSpan) && !reporters[0].Canonical.Contains('.') && !IsYear(volume)) || IsRunningHeader(text, match.Index)
                || !IsPageOf(match, reporters[0]))
            {
                continue;
            }

            var reporter = reporters[0];
            var at = match.Groups["at"];
            var page = at.Success ? null : match.Groups["page"].Value;
            var number = int.Parse(volume, CultureInfo.InvariantCulture);
            reporterSpellings[match.Index] = series.Value;
            found.Add(Spanning(
                match,
                at.Success ? CitationKind.ShortCase : reporter.IsJournal ? CitationKind.Journal : CitationKind.Case,
                page is null ? string.Empty : $"{number} {reporter.Canonical} {Blank(page)}") with
            {
                Volume = number,
                Reporter = reporter.Canonical,
                Page = page is null ? null : Blank(page),
                Pin = at.Success ? PinCite.Normalize(at.Value) : null,
            });
        }
    }

    private static void AddSessionLaw(Match match, LawSeries series, List<FoundCitation> found)
    {
        var volume = int.Parse(match.Groups["volume"].ValueSpan, CultureInfo.InvariantCulture);
        var page = match.Groups["page"].Value;
        found.Add(Spanning(match, series.Kind, $"{volume} {series.Canonical} {page}") with
        {
            Volume = volume,
            Reporter = series.Canonical,
            Page = page,
        });
    }

    private void FindCodeSections(string text, List<FoundCitation> found)
    {
        // Section marks are rare; the code pattern only runs where one is close enough to end a match.
        var pattern = CitationPatterns.CodeSection();
        var start = 0;
        foreach (var mark in AnchoredMatches.Find(text, CitationPatterns.SectionMark(), CitationPatterns.SectionMarkStarts, '§'))
        {
            if (mark.Index >= start && CodeSectionEndingAt(text, pattern, mark, ref start) is { } citation)
            {
                found.Add(citation);
            }
        }
    }

    /// <summary>
    /// The code citation a section mark ends, from the earliest of the words before it that name a
    /// known code, and past what it reads of the text (<paramref name="start"/> moves on).
    /// </summary>
    private FoundCitation? CodeSectionEndingAt(string text, Regex pattern, Match mark, ref int start)
    {
        while (true)
        {
            var from = Math.Max(start, CodeStartBefore(text, mark.Index));
            var match = pattern.Match(text, from, Math.Min(text.Length, mark.Index + MaxSectionLength) - from);
            if (!match.Success)
            {
                start = mark.Index + 1;
                return null;
            }

            start = match.Index + 1;
            var code = match.Groups["code"].Value;
            var (series, written) = FindLaw(code);
            if (series is null)
            {
                if (start > mark.Index)
                {
                    return null;
                }

                continue;
            }

            var title = match.Groups["title"];
            var titleWord = match.Groups["tit"];
            var section = match.Groups["section"].Value;
            var end = match.Groups["end"].Success ? match.Groups["end"].Value : null;

            // "§§ 1331-1332" is a range; "§ 240.10b-5" one section with a hyphen in its number.
            if (end is null && match.Groups["plural"].Success && section.LastIndexOf('-') is > 0 and var dash)
            {
                (section, end) = (section[..dash], section[(dash + 1)..]);
            }

            var sections = end is not null ? $"§§ {section}-{end}" : $"§ {section}";
            var normalized = titleWord.Success ? $"{written} tit. {titleWord.Value}, {sections}"
                : title.Success ? $"{title.Value} {written} {sections}"
                : $"{written} {sections}";
            start = match.Index + match.Length;
            return Spanning(match, series.Kind, normalized) with
            {
                Reporter = written,
                Title = titleWord.Success ? titleWord.Value : title.Success ? title.Value : null,
                Section = section,
                SectionEnd = end,
            };
        }
    }

    private void FindCodeSectionsWithoutMark(string text, List<FoundCitation> found)
    {
        foreach (Match match in CitationPatterns.CodeWithoutSectionMark().Matches(text))
        {
            if (catalog.FindCode(match.Groups["code"].ValueSpan) is not { } series)
            {
                continue;
            }

            var title = match.Groups["title"];
            var section = match.Groups["section"].Value;
            var end = match.Index + match.Length;
            found.Add(new FoundCitation
            {
                Kind = series.Kind,
                RawText = text[title.Index..end],
                Normalized = $"{title.Value} {series.Canonical} § {section}",
                Start = title.Index,
                End = end,
                Reporter = series.Canonical,
                Title = title.Value,
                Section = section,
            });
        }
    }

    private static void FindCourtRules(string text, List<FoundCitation> found)
    {
        foreach (Match match in CitationPatterns.CourtRule().Matches(text))
        {
            var rules = match.Groups["civ"].Success ? "Fed. R. Civ. P."
                : match.Groups["crim"].Success ? "Fed. R. Crim. P."
                : match.Groups["evid"].Success ? "Fed. R. Evid."
                : match.Groups["app"].Success ? "Fed. R. App. P."
                : "Fed. R. Bankr. P.";
            var rule = match.Groups["rule"].Value;
            found.Add(Spanning(match, CitationKind.CourtRule, $"{rules} {rule}") with
            {
                Reporter = rules,
                Section = rule,
            });
        }
    }

    private static void FindShortForms(string text, IEnumerable<Match> matches, CitationKind kind, List<FoundCitation> found)
    {
        foreach (var match in matches)
        {
            var pin = match.Groups["pin"];
            var citation = Spanning(match, kind, string.Empty) with
            {
                Pin = pin.Success ? PinCite.Normalize(pin.Value) : null,
                Section = match.Groups["section"] is { Success: true } section ? section.Value : null,
            };
            if (kind == CitationKind.Supra)
            {
                // "As Celotex, supra": the name starts after the words that introduce it.
                var name = match.Groups["name"];
                var skipped = name.Value.Split(' ').TakeWhile(w => CaseNameFinder.IsSignal(w) || SentenceStarts.Contains(w)).Sum(w => w.Length + 1);
                if (skipped >= name.Length)
                {
                    continue;
                }

                citation = citation with { CaseName = name.Value[skipped..], Start = name.Index + skipped, RawText = text[(name.Index + skipped)..citation.End] };
            }

            found.Add(citation);
        }
    }

    /// <summary>Words that begin a sentence before a name (<c>As Celotex, supra, teaches</c>), never part of it.</summary>
    private static readonly HashSet<string> SentenceStarts = new(StringComparer.Ordinal) { "As", "Under", "Following", "Unlike", "Like", "After", "Per", "Applying", "Citing", "Quoting", "Thus", "Here" };

    /// <summary>Pin cites, parallel citations, parentheticals and case names of full case and journal citations.</summary>
    private List<FoundCitation> AddCaseContext(string text, List<FoundCitation> citations, Dictionary<int, string> reporterSpellings)
    {
        var previousEnd = 0;
        for (var i = 0; i < citations.Count; i++)
        {
            if (citations[i].Kind is not (CitationKind.Case or CitationKind.Journal))
            {
                previousEnd = citations[i].End;
                continue;
            }

            // A run of full citations separated only by commas cites one decision in several reporters.
            var last = i;
            var pinEnds = new List<int>();
            var bracketed = false;
            while (true)
            {
                var pinEnd = AddPin(text, citations, last);
                pinEnds.Add(pinEnd);
                var between = last + 1 < citations.Count ? text.AsSpan(pinEnd, Math.Max(0, citations[last + 1].Start - pinEnd)) : [];
                if (last + 1 < citations.Count
                    && citations[last + 1].Kind is CitationKind.Case
                    && citations[i].Kind is CitationKind.Case
                    && (IsCommaOnly(between) || (!bracketed && OpensBracketedParallels(between))))
                {
                    bracketed |= !IsCommaOnly(between);
                    last++;
                    continue;
                }

                break;
            }

            var groupEnd = bracketed ? AfterClosingBracket(text, pinEnds[^1]) : pinEnds[^1];
            string? court = null;

            // A public-domain citation dates the decision, and so every citation parallel to it.
            var year = citations.Skip(i).Take(last - i + 1).FirstOrDefault(c => c.Year is not null)?.Year;
            var parenthetical = CitationPatterns.Parenthetical().Match(text, groupEnd);
            if (!parenthetical.Success)
            {
                parenthetical = CitationPatterns.BracketedYear().Match(text, groupEnd);
            }

            if (parenthetical.Success && (last + 1 == citations.Count || citations[last + 1].Start >= parenthetical.Index + parenthetical.Length))
            {
                year ??= int.Parse(parenthetical.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
                court = Court(parenthetical.Groups["court"].Value);
                groupEnd = parenthetical.Index + parenthetical.Length;
            }

            var nameEnd = citations[i].Start;
            if (year is null && YearBefore(text, previousEnd, citations[i].Start) is { } before)
            {
                (year, court, nameEnd) = before;
            }

            var windowStart = Math.Max(previousEnd, nameEnd - CaseNameWindow);
            var name = citations[i].Kind == CitationKind.Case ? CaseNameFinder.Find(text, windowStart, nameEnd, afterComma: nameEnd == citations[i].Start) : null;
            for (var k = i; k <= last; k++)
            {
                citations[k] = WithYear(citations[k], year, reporterSpellings);
            }

            var key = ParallelKey(citations, i, last);
            for (var k = i; k <= last; k++)
            {
                var citation = citations[k];
                citations[k] = citation with
                {
                    Court = court,
                    Year = year,
                    CaseName = name?.Name,
                    FullStart = name?.Start ?? citation.Start,
                    FullEnd = k == last ? groupEnd : pinEnds[k - i],
                    ParallelTo = k == key ? null : citations[key].Normalized,
                };
            }

            previousEnd = groupEnd;
            i = last;
        }

        return citations;
    }

    private static int AddPin(string text, List<FoundCitation> citations, int index)
    {
        var citation = citations[index];
        var pin = CitationPatterns.PinAfter().Match(text, citation.End);
        if (!pin.Success)
        {
            return citation.End;
        }

        citations[index] = citation with { Pin = PinCite.Normalize(pin.Groups["pin"].Value) };
        return pin.Index + pin.Length;
    }

    /// <summary>When a spelling names several reporters, the one publishing in the citation's year.</summary>
    private FoundCitation WithYear(FoundCitation citation, int? year, Dictionary<int, string> reporterSpellings)
    {
        if (year is not { } y || citation.Volume is not { } volume || !reporterSpellings.TryGetValue(citation.Start, out var spelling))
        {
            return citation;
        }

        var editions = catalog.FindReporter(spelling);
        foreach (var edition in editions)
        {
            if (edition.Covers(y))
            {
                return edition.Canonical == citation.Reporter ? citation
                    : citation with { Reporter = edition.Canonical, Normalized = $"{volume} {edition.Canonical} {citation.Page}" };
            }
        }

        return citation;
    }

    /// <summary>
    /// The statute series a written code names, directly or with its subject taken out
    /// (<c>Cal. Penal Code</c> is the <c>Cal. Code</c>), and the spelling to show for it.
    /// </summary>
    private (LawSeries? Series, string Written) FindLaw(string code)
    {
        if (catalog.FindCode(code) is { } direct)
        {
            return (direct, direct.Canonical);
        }

        var words = CitationPatterns.Whitespace().Split(code.Trim());
        if (words.Length < 3)
        {
            return (null, code);
        }

        for (var from = 1; from < words.Length - 1; from++)
        {
            for (var to = from + 1; to < words.Length; to++)
            {
                var reduced = string.Join(' ', words[..from].Concat(words[to..]));
                if (catalog.FindCode(reduced) is { } series && words[from..to].All(w => char.IsUpper(w[0]) || w == "&"))
                {
                    return (series, string.Join(' ', words));
                }
            }
        }

        return (null, code);
    }

    /// <summary>Where the words before a section mark that could name a code begin: capitalized, numeric or <c>tit.</c>.</summary>
    private static int CodeStartBefore(string text, int mark)
    {
        var start = mark;
        for (var words = 0; words < MaxCodeWords; words++)
        {
            var end = start;
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            var begin = end;
            while (begin > 0 && !char.IsWhiteSpace(text[begin - 1]))
            {
                begin--;
            }

            if (begin == end || !(char.IsUpper(text[begin]) || char.IsDigit(text[begin]) || text[begin] is '&' || text.AsSpan(begin, end - begin).StartsWith("tit.")))
            {
                break;
            }

            start = begin;
        }

        return start;
    }

    /// <summary>A citation exactly as far as <paramref name="match"/> reaches; its parts are added with <c>with</c>.</summary>
    private static FoundCitation Spanning(Match match, CitationKind kind, string normalized) => new()
    {
        Kind = kind,
        RawText = match.Value,
        Normalized = normalized,
        Start = match.Index,
        End = match.Index + match.Length,
    };

    /// <summary>
    /// After a citation, search on from its end; after a match that was no citation ("1990 Congress
    /// passed 200"), one character on, since a citation may start inside it.
    /// </summary>
    private static int NextStart(Match match, List<FoundCitation> found) =>
        found.Count > 0 && found[^1].Start == match.Index ? match.Index + match.Length : match.Index + 1;

    // Slip opinions head every page "Cite as: 569 U. S. ____ (2013)": the document citing itself.
    private static bool IsRunningHeader(string text, int start) =>
        text.AsSpan(Math.Max(0, start - 16), Math.Min(16, start)).TrimEnd().EndsWith("Cite as:", StringComparison.OrdinalIgnoreCase);

    private static bool IsCommaOnly(ReadOnlySpan<char> between) => between.Trim() is [',' ];

    // Two-letter neutral-citation codes ("2013 ND 45", "2010 OK 5") read as prose unless the volume
    // is a year; "US" for "U.S." is a spelling of a real reporter.
    private static bool IsBareCode(ReadOnlySpan<char> series) => series.Length <= 2 && !series.Contains('.');

    private static bool IsYear(ReadOnlySpan<char> volume) => volume.Length == 4 && volume[0] is '1' or '2';

    private static string Blank(string page) => page[0] is '_' or '-' ? "___" : page;

    private static string? Court(string court)
    {
        var trimmed = CitationPatterns.TrailingDate().Replace(CitationPatterns.Whitespace().Replace(court, " ").Trim().TrimEnd(','), string.Empty).Trim().TrimEnd(',');
        return trimmed.Length == 0 ? null : trimmed;
    }
}
