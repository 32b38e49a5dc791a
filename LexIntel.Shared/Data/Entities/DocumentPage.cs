namespace LexIntel.Shared.Data.Entities;

/// <summary>
/// A page of a document as its run left it: whether its text was recognized by OCR, and the page
/// furniture (filing stamps, running heads, page and line numbers) taken off its text before chunking.
/// </summary>
public sealed class DocumentPage
{
    /// <summary>Copied from the document so that page queries are scoped without a join.</summary>
    public Guid TenantId { get; set; }

    public Guid DocumentId { get; set; }

    public Document? Document { get; set; }

    /// <summary>1-based, as the document numbers its pages.</summary>
    public int Number { get; set; }

    public bool ExtractedByOcr { get; set; }

    /// <summary>The removed lines and stamps, as they read, in page order.</summary>
    public List<string> Furniture { get; set; } = [];
}
