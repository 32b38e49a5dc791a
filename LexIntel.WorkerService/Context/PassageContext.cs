using System.Text.RegularExpressions;
using LexIntel.WorkerService.Chunking;

namespace LexIntel.WorkerService.Context;

/// <summary>
/// A short header saying where a passage is: the document's caption (title, parties, court, docket
/// number) and the heading of the section it is in. Indexed with the passage for full-text search,
/// never shown in it: a passage of a brief that never names the parties is still found by a query
/// that does. Not embedded (see EmbedChunksStep: measured worse).
/// </summary>
public sealed partial class PassageContext
{
    /// <summary>A header, not a second passage: a caption and a heading fit in it.</summary>
    public const int MaxLength = 240;

    private readonly string caption;
    private readonly List<(int Offset, string Heading)> headings;

    private PassageContext(string caption, List<(int Offset, string Heading)> headings)
    {
        this.caption = caption;
        this.headings = headings;
    }

    public static PassageContext Of(DocumentText text, DocumentCaption caption) =>
        new(caption.Describe(), [.. Heading().Matches(text.Text).Select(m => (m.Index, Whitespace().Replace(m.Groups["heading"].Value, " ").Trim()))]);

    /// <summary>The header of <paramref name="chunk"/>: the caption, then the last heading before the chunk starts.</summary>
    public string For(TextChunk chunk)
    {
        var index = headings.FindLastIndex(h => h.Offset <= chunk.CharStart);
        var header = index < 0 || headings[index].Heading.Length == 0 ? caption
            : caption.Length == 0 ? headings[index].Heading
            : $"{caption} · {headings[index].Heading}";
        return header.Length <= MaxLength ? header : header[..MaxLength];
    }

    // A line of its own that heads a section: numbered ("II. ARGUMENT", "A. The Claim Is Time-Barred")
    // or in capitals ("LEGAL STANDARD"), without the digits of a caption's dates and numbers.
    [GeneratedRegex(@"^[ \t]*(?<heading>(?:[IVX]{1,6}|[A-H]|\d{1,2})\.[ \t]+[A-Z][^\n\d]{2,90}|[A-Z][A-Z ,'’&\-]{3,80})[ \t]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
