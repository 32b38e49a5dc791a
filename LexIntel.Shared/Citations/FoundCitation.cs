using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Citations;

/// <summary>A citation found in text, with its span in that text.</summary>
public sealed record FoundCitation(
    CitationKind Kind,
    string RawText,
    string Normalized,
    int? Volume,
    string? Reporter,
    string? Page,
    string? Title,
    string? Section,
    int Start,
    int End);
