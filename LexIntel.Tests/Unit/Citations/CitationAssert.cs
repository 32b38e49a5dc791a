using System.Globalization;
using LexIntel.Shared.Citations;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Tests.Unit.Citations;

internal static class CitationAssert
{
    public static FoundCitation Single(IReadOnlyList<FoundCitation> found, CitationKind kind) =>
        Assert.Single(found, c => c.Kind == kind);

    public static void RawTextMatchesSpan(string text, FoundCitation citation)
    {
        Assert.InRange(citation.Start, 0, text.Length - 1);
        Assert.InRange(citation.End, citation.Start + 1, text.Length);
        var span = text[citation.Start..citation.End];
        Assert.Equal(span, citation.RawText);
    }

    public static void IsAt(string text, string raw, FoundCitation citation)
    {
        Assert.Equal(raw, citation.RawText);
        Assert.Equal(text.IndexOf(raw, StringComparison.Ordinal), citation.Start);
        Assert.Equal(citation.Start + raw.Length, citation.End);
        RawTextMatchesSpan(text, citation);
    }

    public static void IsCase(FoundCitation citation, int volume, string reporter, string page)
    {
        Assert.Equal(CitationKind.Case, citation.Kind);
        Assert.Equal(volume, citation.Volume);
        Assert.Equal(reporter, citation.Reporter);
        Assert.Equal(page, citation.Page);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{volume} {reporter} {page}"), citation.Normalized);
    }
}
