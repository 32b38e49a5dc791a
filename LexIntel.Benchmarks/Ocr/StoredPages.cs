using LexIntel.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.Benchmarks.Ocr;

/// <summary>
/// A document's page texts as the pipeline stored them. The document's text is its pages joined by
/// a blank line, and its stored passages are slices of that text at their offsets
/// (<c>CharStart</c>/<c>CharEnd</c>), overlapping one another: laid at their offsets they give the
/// text back with nothing repeated (only whitespace between words is lost where two passages do
/// not overlap). Where a page ends is not stored, but the pages of each passage's first and last
/// character narrow every page break to a stretch of the text; the break is the line start in that
/// stretch (pages are joined by a line break, blank or not) after which the page before it matches
/// its reference best. The choice only moves text from one page to the next, never changes it.
/// </summary>
internal static class StoredPages
{
    /// <summary>The text of pages 1–<paramref name="references"/>.Count of the document (each page's reference, normalized, picks its end).</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(LexIntelDbContext db, Guid documentId, IReadOnlyList<string> references, CancellationToken cancellationToken)
    {
        var chunks = await db.DocumentChunks.AsNoTracking()
            .Where(c => c.DocumentId == documentId)
            .OrderBy(c => c.CharStart)
            .Select(c => new StoredChunk(c.Text, c.CharStart, c.CharEnd, c.PageStart, c.PageEnd))
            .ToListAsync(cancellationToken);
        return Split(Rebuild(chunks), chunks, references);
    }

    private static char[] Rebuild(List<StoredChunk> chunks)
    {
        var text = new char[chunks.Max(c => c.CharEnd)];
        Array.Fill(text, '\n');
        var end = 0;
        foreach (var chunk in chunks)
        {
            var overlap = Math.Max(0, end - chunk.CharStart);
            if (chunk.Text.Length != chunk.CharEnd - chunk.CharStart
                || !text.AsSpan(chunk.CharStart, Math.Min(overlap, chunk.Text.Length)).SequenceEqual(chunk.Text.AsSpan(0, Math.Min(overlap, chunk.Text.Length))))
            {
                throw new InvalidOperationException($"The stored passage at {chunk.CharStart}–{chunk.CharEnd} does not agree with its offsets or with the passage before it.");
            }

            chunk.Text.CopyTo(text.AsSpan(chunk.CharStart));
            end = Math.Max(end, chunk.CharEnd);
        }

        return text;
    }

    private static List<string> Split(char[] text, List<StoredChunk> chunks, IReadOnlyList<string> references)
    {
        // Each passage's first and last character lie on a known page: page q starts after every
        // character of an earlier page and at or before every character of page q or later.
        var known = chunks.SelectMany(c => new[] { (Offset: c.CharStart, Page: c.PageStart), (Offset: c.CharEnd - 1, Page: c.PageEnd) }).ToList();
        var pages = new List<string>(references.Count);
        var start = 0;
        for (var page = 1; page <= references.Count; page++)
        {
            var next = page + 1;
            var earliest = Math.Max(start, known.Where(k => k.Page < next).Select(k => k.Offset + 1).DefaultIfEmpty(0).Max());
            var latest = known.Where(k => k.Page >= next).Select(k => k.Offset).DefaultIfEmpty(text.Length).Min();
            var breaks = Enumerable.Range(earliest, Math.Max(0, latest - earliest + 1))
                .Where(b => b == text.Length || (b >= 1 && text[b - 1] == '\n'))
                .ToList();
            if (breaks.Count == 0)
            {
                throw new InvalidOperationException($"No line starts between offsets {earliest} and {latest}, where page {page} must end.");
            }

            // Normalizing a longer text gives the shorter one's normalization as its start, so one
            // pass over the longest candidate scores them all.
            var distances = CharacterErrors.PrefixDistances(CharacterErrors.Normalize(new string(text, start, breaks[^1] - start)), references[page - 1]);
            var end = breaks.MinBy(b => distances[CharacterErrors.Normalize(new string(text, start, b - start)).Length]);
            pages.Add(new string(text, start, end - start));
            start = end;
        }

        return pages;
    }

    private sealed record StoredChunk(string Text, int CharStart, int CharEnd, int PageStart, int PageEnd);
}
