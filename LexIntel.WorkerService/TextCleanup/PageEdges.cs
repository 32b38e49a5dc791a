namespace LexIntel.WorkerService.TextCleanup;

/// <summary>
/// Where running heads, footers and page numbers are: the first and last few lines of a page that
/// are still content. A PDF's content order puts what is drawn first first, so a footer drawn
/// before the body is at the top of the text: both edges are looked at.
/// </summary>
internal static class PageEdges
{
    public static IEnumerable<PageLine> Of(IReadOnlyList<PageLine> lines, int depth)
    {
        var content = lines.Where(l => l.IsContent).ToList();
        return content.Count <= 2 * depth ? content : content.Take(depth).Concat(content.TakeLast(depth));
    }
}
