using LexIntel.Shared.Queue;

namespace LexIntel.WorkerService.Extraction;

/// <param name="AttachmentsLeftOut">
/// The limit that kept some of the file's attachments out; reported as the file's failure once the
/// attachments within it are stored, so that those still become documents.
/// </param>
public sealed record ExtractedDocument(IReadOnlyList<ExtractedPage> Pages, IReadOnlyList<ExtractedAttachment> Attachments, PermanentJobException? AttachmentsLeftOut = null)
{
    public static ExtractedDocument SinglePage(string text) => new([new ExtractedPage(1, text)], []);

    public bool HasText => Pages.Any(p => !string.IsNullOrWhiteSpace(p.Text));

    /// <summary>Every page's text storable and in one Unicode form (<see cref="TextNormalization"/>).</summary>
    public ExtractedDocument Normalized() => this with { Pages = [.. Pages.Select(p => p with { Text = TextNormalization.Normalize(p.Text) })] };
}
