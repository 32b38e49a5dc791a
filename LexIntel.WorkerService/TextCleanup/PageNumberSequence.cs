namespace LexIntel.WorkerService.TextCleanup;

/// <summary>
/// Page numbers that content order put in the middle of a page's text (drawn between the body and
/// its footnotes): a number alone on a line that, on many pages, is the page's position plus one
/// and the same offset. A number in the body matches that offset on a page or two at most.
/// </summary>
internal static class PageNumberSequence
{
    public const int MinPages = 3;

    public const double MinShare = 0.3;

    public static void Remove(IReadOnlyList<IReadOnlyList<PageLine>> pages)
    {
        var numbers = pages
            .SelectMany((page, index) => page.Where(l => l.IsContent)
                .Select(l => (Line: l, Page: index, Offset: PageNumbers.BareNumber(l.Text) - index)))
            .Where(n => n.Offset is not null)
            .ToList();
        var best = numbers
            .GroupBy(n => n.Offset)
            .Select(g => (Offset: g.Key, Pages: g.Select(n => n.Page).Distinct().Count()))
            .OrderByDescending(o => o.Pages)
            .FirstOrDefault();
        if (best.Pages < Math.Max(MinPages, (int)Math.Ceiling(pages.Count * MinShare)))
        {
            return;
        }

        // One page number a page: the last such line, as the number is drawn after the body.
        foreach (var onPage in numbers.Where(n => n.Offset == best.Offset).GroupBy(n => n.Page))
        {
            onPage.Last().Line.Removed = true;
        }
    }
}
