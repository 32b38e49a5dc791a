using LexIntel.WorkerService.Extraction;

namespace LexIntel.WorkerService.Chunking;

/// <summary>
/// A document's pages joined into one text (pages separated by a blank line), with the offset where
/// each page starts; chunk and citation offsets refer to this text.
/// </summary>
public sealed class DocumentText
{
    private const string PageSeparator = "\n\n";
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
                builder.Append(PageSeparator);
            }

            starts[i] = builder.Length;
            builder.Append(pages[i].Text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u00A0', ' '));
        }

        return new DocumentText(builder.ToString(), starts, [.. pages.Select(p => p.Number)]);
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
