namespace LexIntel.WorkerService.TextCleanup;

/// <summary>
/// Pleading paper's line numbers (1 to 28 down the left margin): a run of lines that are nothing but
/// ascending integers, one after the other (one may be missing). A single number or a few in a table are not a column.
/// </summary>
internal static class LineNumberColumns
{
    /// <summary>The fewest numbers that make a column.</summary>
    public const int MinRun = 5;

    /// <summary>Extraction sometimes loses a number of the column (or puts it elsewhere); one missing does not end it.</summary>
    public const int MaxStep = 2;

    public static void Remove(IReadOnlyList<PageLine> lines)
    {
        var run = new List<PageLine>();
        int? last = null;
        foreach (var line in lines.Where(l => l.IsContent))
        {
            var number = PageNumbers.BareNumber(line.Text);
            if (number is { } n && last is { } l && n > l && n <= l + MaxStep)
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
