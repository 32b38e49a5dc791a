using LexIntel.Shared.Citations;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Citations;

/// <summary>A citation found in posted text, with every part the extractor recognized; <c>PageNumber</c> is the page of the text, <c>Page</c> the reporter's.</summary>
public sealed record ExtractedCitation(
    CitationKind Kind,
    string RawText,
    string Normalized,
    int Start,
    int End,
    int FullStart,
    int FullEnd,
    int PageNumber,
    int? Volume,
    string? Reporter,
    string? Page,
    string? Pin,
    string? Court,
    int? Year,
    string? CaseName,
    string? Title,
    string? Section,
    string? SectionEnd,
    string? ParallelTo,
    bool Unresolved)
{
    public static ExtractedCitation From(FoundCitation c, int pageNumber) => new(
        c.Kind, c.RawText, c.Normalized, c.Start, c.End, c.FullStart, c.FullEnd, pageNumber, c.Volume, c.Reporter, c.Page,
        c.Pin, c.Court, c.Year, c.CaseName, c.Title, c.Section, c.SectionEnd, c.ParallelTo, c.Unresolved);
}
