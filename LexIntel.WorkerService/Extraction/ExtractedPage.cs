namespace LexIntel.WorkerService.Extraction;

/// <summary>The text of one page (1-based); formats without pages are one page.</summary>
/// <param name="NeedsOcr">
/// The page is an image with no text layer worth the name (none, or only a filing stamp or header):
/// its text is to be recognized.
/// </param>
/// <param name="ByOcr">The text was recognized from the page's image, not read from its text layer.</param>
public sealed record ExtractedPage(int Number, string Text, bool NeedsOcr = false, bool ByOcr = false);
