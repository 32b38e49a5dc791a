namespace LexIntel.Shared.Data.Entities;

/// <summary>A legal citation found in a document, normalized so variant spellings group together.</summary>
public sealed class Citation
{
    public Guid Id { get; set; }

    public Guid DocumentId { get; set; }

    public Document? Document { get; set; }

    public Guid? ChunkId { get; set; }

    public DocumentChunk? Chunk { get; set; }

    public CitationKind Kind { get; set; }

    public required string RawText { get; set; }

    /// <summary>Canonical form, e.g. <c>410 U.S. 113</c> or <c>42 U.S.C. § 1983</c>.</summary>
    public required string Normalized { get; set; }

    public int? Volume { get; set; }

    public string? Reporter { get; set; }

    public string? Page { get; set; }

    /// <summary>Code title for statutes and regulations (e.g. 42 in 42 U.S.C.).</summary>
    public string? Title { get; set; }

    public string? Section { get; set; }

    public int? PageNumber { get; set; }

    public int SpanStart { get; set; }

    public int SpanEnd { get; set; }
}
