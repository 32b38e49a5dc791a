namespace LexIntel.WorkerService.Extraction;

public sealed record ExtractedDocument(IReadOnlyList<ExtractedPage> Pages, IReadOnlyList<ExtractedAttachment> Attachments)
{
    public static ExtractedDocument SinglePage(string text) => new([new ExtractedPage(1, text)], []);

    public bool HasText => Pages.Any(p => !string.IsNullOrWhiteSpace(p.Text));
}
