namespace LexIntel.WorkerService.TextCleanup;

/// <summary>
/// Pleading paper's line numbers (1 to 28 down the left margin): a run of lines that are nothing but
/// consecutive integers. A single number or a few in a table are not a column.
/// </summary>
internal static class LineNumberColumns
{
    /// <summary>The fewest consecutive numbers that make a column.</summary>
    public const int MinRun = 5;

    public static void Remove(IReadOnlyList<PageLine> lines)
    {
        var run = new List<PageLine>();
        int? last = null;
        foreach (var line in lines.Where(l => l.IsContent))
        {
            var number = PageNumbers.BareNumber(line.Text);
            if (number is { } n && last is { } l && n == l + 1)
            {
                run.Add(line);
            }
            else
            {
                Close(run);
                run = number is null ? [] : [line];
            }

            last = number;
        }

        Close(run);
    }

    private static void Close(List<PageLine> run)
    {
        if (run.Count >= MinRun)
        {
            run.ForEach(l => l.Removed = true);
        }
    }
}
