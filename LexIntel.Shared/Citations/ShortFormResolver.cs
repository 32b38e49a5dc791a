using System.Globalization;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Citations;

/// <summary>
/// Gives short forms the citation they shorten: Id. the one before it, a short cite the full
/// citation of its volume and page, supra the case of that name. One whose full citation is not
/// in the text (a brief split across documents, a pasted passage) is still a citation: it is kept,
/// <see cref="FoundCitation.Unresolved"/>, with the parts it has.
/// </summary>
internal static class ShortFormResolver
{
    /// <summary>
    /// Id. to the citation before it, short cites and supra to the full citation they shorten, the
    /// others marked unresolved; an Id. that follows a citation to the record refers to the record
    /// and is dropped, and so is a supra that names a part of the brief (<c>Part II, supra</c>).
    /// </summary>
    public static List<FoundCitation> Resolve(string text, List<FoundCitation> citations)
    {
        var resolved = new List<FoundCitation>(citations.Count);
        var fullByNormalized = new Dictionary<string, FoundCitation>(StringComparer.Ordinal);
        var fullByVolume = new Dictionary<(int?, string?), List<FoundCitation>>();
        var casesByName = new CaseNameIndex();


        // Statutes have sections, not pages: "Id. at 369-70" after one refers to the case before it.
        FoundCitation? lastPaged = null;
        foreach (var citation in citations)
        {
            var result = citation.Kind switch
            {
                CitationKind.Id => CitesRecordBefore(text, resolved.Count == 0 ? 0 : resolved[^1].End, citation.Start) ? null
                    : (citation.Pin is not null && resolved.Count > 0 && resolved[^1].Section is not null ? lastPaged : resolved.LastOrDefault()) is not { } previous
                        ? citation with { Normalized = citation.Section is { } section ? $"Id. § {section}" : "Id.", Unresolved = true }
                    : AsIdOf(citation, previous.ParallelTo is { } first ? fullByNormalized[first] : previous),
                CitationKind.ShortCase => ShortenedCitation(fullByVolume, citation) is { } full
                    ? citation with
                    {
                        Normalized = full.ParallelTo ?? full.Normalized,
                        Page = full.Page,
                        CaseName = full.CaseName,
                        Year = full.Year,
                        Court = full.Court,
                        FullStart = ShortCaseNameStart(text, citation, full),
                    }
                    : citation with { Normalized = string.Create(CultureInfo.InvariantCulture, $"{citation.Volume} {citation.Reporter}"), Unresolved = true },
                CitationKind.Supra => casesByName.Find(citation.CaseName!) is { } full
                    ? citation with
                    {
                        Normalized = full.Normalized,
                        CaseName = full.CaseName,
                        Volume = full.Volume,
                        Reporter = full.Reporter,
                        Page = full.Page,
                        Year = full.Year,
                        Court = full.Court,
                    }
                    : NamesPartOfTheBrief(citation.CaseName!) ? null
                    : citation with { Normalized = $"{citation.CaseName}, supra", Unresolved = true },
                _ => citation,
            };

            if (result is null)
            {
                continue;
            }

            resolved.Add(result);
            casesByName.Add(result);
            if (result.Section is null)
            {
                lastPaged = result;
            }

            if (result.Kind == CitationKind.Case)
            {
                fullByNormalized[result.Normalized] = result;
                if (!fullByVolume.TryGetValue((result.Volume, result.Reporter), out var sameVolume))
                {
                    fullByVolume[(result.Volume, result.Reporter)] = sameVolume = [];
                }

                sameVolume.Add(result);
            }
        }

        return resolved;
    }

    /// <summary>
    /// The full citation a short cite shortens: of those in the same volume, the latest that starts at
    /// or before the pinned page (<c>366 N.C. at 291</c> is within 366 N.C. 289, not 366 N.C. 505).
    /// </summary>
    /// <summary>Whether the record is cited between the citation before an Id. and the Id. (only that gap is read).</summary>
    private static bool CitesRecordBefore(string text, int previousEnd, int idStart) =>
        idStart > previousEnd && CitationPatterns.RecordCitation().IsMatch(text.AsSpan(previousEnd, idStart - previousEnd));

    private static FoundCitation? ShortenedCitation(Dictionary<(int?, string?), List<FoundCitation>> fullByVolume, FoundCitation shortCite)
    {
        if (!fullByVolume.TryGetValue((shortCite.Volume, shortCite.Reporter), out var candidates))
        {
            return null;
        }

        var pin = LeadingNumber(shortCite.Pin);
        return candidates.LastOrDefault(c => pin is null || LeadingNumber(c.Page) is not { } page || page <= pin) ?? candidates[^1];
    }

    private static int? LeadingNumber(string? text)
    {
        var digits = text.AsSpan().IndexOfAnyExceptInRange('0', '9') is var end and >= 0 ? text.AsSpan(0, end) : text.AsSpan();
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static FoundCitation AsIdOf(FoundCitation id, FoundCitation previous)
    {
        // "Id. § 1292(a)(1)" after "28 U.S.C. § 1291": the same code, another section.
        if (id.Section is { } section && previous.Normalized.IndexOf('§') is >= 0 and var mark)
        {
            return id with { Normalized = $"{previous.Normalized[..mark]}§ {section}", Reporter = previous.Reporter, Title = previous.Title, Unresolved = previous.Unresolved };
        }

        return id with
        {
            Normalized = previous.Normalized,
            CaseName = previous.CaseName,
            Volume = previous.Volume,
            Reporter = previous.Reporter,
            Page = previous.Page,
            Title = previous.Title,
            Section = previous.Section,
            SectionEnd = previous.SectionEnd,
            Year = previous.Year,
            Court = previous.Court,
            Unresolved = previous.Unresolved,
        };
    }

    /// <summary><c>Part II.A, supra</c>, <c>Section III, supra</c>: a cross-reference within the brief, not an authority.</summary>
    private static bool NamesPartOfTheBrief(string name) =>
        name.Split(' ')[0] is "Part" or "Parts" or "Section" or "Sections" or "Point" or "Argument" or "Note" or "Notes" or "Chapter" or "Footnote" or "Appendix" or "Exhibit" or "See" or "Cf";

    /// <summary>A short cite's full span takes in the party name written before it (<c>Roe, 410 U.S. at 120</c>).</summary>
    private static int ShortCaseNameStart(string text, FoundCitation shortCite, FoundCitation full)
    {
        if (full.CaseName is null)
        {
            return shortCite.Start;
        }

        var before = text.AsSpan(0, shortCite.Start).TrimEnd();
        if (before.IsEmpty || before[^1] != ',')
        {
            return shortCite.Start;
        }

        before = before[..^1].TrimEnd();
        var wordStart = before.LastIndexOfAny(' ', '\n', '\t') + 1;
        var word = before[wordStart..].ToString();
        return NamesMatch(word, full.CaseName) ? wordStart : shortCite.Start;
    }

    private static bool NamesMatch(string shortName, string? caseName)
    {
        if (caseName is null)
        {
            return false;
        }

        foreach (var word in shortName.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (CaseNameIndex.IsNameWord(word) && caseName.Split(' ').Any(w => w.TrimEnd(',', '.').Equals(word, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
