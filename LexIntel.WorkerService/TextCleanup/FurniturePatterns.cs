namespace LexIntel.WorkerService.TextCleanup;

/// <summary>
/// The furniture one page shows by pattern alone, without the other pages of its document: filing
/// stamps and lines that are only a number (page numbers, pleading paper's line numbers).
/// </summary>
public static class FurniturePatterns
{
    /// <summary>
    /// <paramref name="pageText"/> without its filing stamps and number-only lines: what is left
    /// is the page's own text, if it has any (a scan stamped by CM/ECF has none).
    /// </summary>
    public static string Strip(string pageText)
    {
        var lines = FilingStamps.Remove(pageText).Split('\n');
        return string.Join('\n', lines.Where(line => !string.IsNullOrWhiteSpace(line) && !PageNumbers.IsPageNumber(line)));
    }
}
