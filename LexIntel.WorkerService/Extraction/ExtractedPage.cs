namespace LexIntel.WorkerService.Extraction;

/// <summary>The text of one page (1-based); formats without pages are one page.</summary>
public sealed record ExtractedPage(int Number, string Text);
