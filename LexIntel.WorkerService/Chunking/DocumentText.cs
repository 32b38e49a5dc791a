using LexIntel.WorkerService.Extraction;

namespace LexIntel.WorkerService.Chunking;

/// <summary>
/// A document's pages joined into one text, with the offset where each page starts; chunk and
/// citation offsets refer to this text. A page that ends a sentence is separated from the next by a
/// blank line (a paragraph break to the chunker); a page that stops mid-sentence continues on the
/// next line, so the sentence is not split at the page break.
/// </summary>
public sealed class DocumentText
{
    private const string PageSeparator = "\n\n";
    private const string ContinuedSeparator = "\n";
    private readonly int[] pageStarts;
    private readonly int[] pageNumbers;

    private DocumentText(string text, int[] pageStarts, int[] pageNumbers)
    {
        Text = text;
        this.pageStarts = pageStarts;
        this.pageNumbers = pageNumbers;
    }

    public string Text { get; }

    public int PageCount => pageNumbers.Length;

    public static DocumentText From(IReadOnlyList<ExtractedPage> pages)
    {
        var builder = new System.Text.StringBuilder();
        var starts = new int[pages.Count];
        for (var i = 0; i < pages.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(EndsMidSentence(builder) ? ContinuedSeparator : PageSeparator);
            }

            starts[i] = builder.Length;
            builder.Append(pages[i].Text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u00A0', ' ').TrimEnd());
        }

        return new DocumentText(builder.ToString(), starts, [.. pages.Select(p => p.Number)]);
    }

    /// <summary>
    /// The text so far stops inside a sentence: its last character is a letter, a digit or a comma-like
    /// mark. A page ending in a full stop, a colon, a closing quote or bracket, or nothing, ends its
    /// paragraph as far as the join can tell.
    /// </summary>
    private static bool EndsMidSentence(System.Text.StringBuilder text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var last = text[^1];
        return char.IsLetterOrDigit(last) || last is ',' or ';' or '-' or '–' or '—';
    }

    /// <summary>The page number the character at <paramref name="offset"/> is on.</summary>
    public int PageAt(int offset)
    {
        var index = Array.BinarySearch(pageStarts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return pageNumbers[Math.Clamp(index, 0, pageNumbers.Length - 1)];
    }
}
