using LexIntel.Shared.Citations;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Tests.Harness.Citations;

/// <summary>
/// Every part of a found citation a label asserts; a part a label leaves out must be absent
/// (null, or false for <see cref="Unresolved"/>), so an extra part is as wrong as a missing one.
/// </summary>
public sealed record LabelledCitation(
    CitationKind Kind,
    string Raw,
    string Normalized,
    int? Volume = null,
    string? Reporter = null,
    string? Page = null,
    string? Pin = null,
    int? Year = null,
    string? Court = null,
    string? CaseName = null,
    string? Title = null,
    string? Section = null,
    string? SectionEnd = null,
    string? ParallelTo = null,
    bool Unresolved = false)
{
    public static LabelledCitation From(FoundCitation c) => new(
        c.Kind, c.RawText, c.Normalized, c.Volume, c.Reporter, c.Page, c.Pin, c.Year, c.Court, c.CaseName, c.Title, c.Section, c.SectionEnd, c.ParallelTo, c.Unresolved);
}
