using LexIntel.WorkerService.Extraction;

namespace LexIntel.WorkerService.TextCleanup;

/// <summary>A page without its furniture, and the furniture that was taken off it (stamps and lines, as they read).</summary>
public sealed record CleanedPage(ExtractedPage Page, IReadOnlyList<string> Furniture);
