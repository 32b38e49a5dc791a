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

    /// <summary>Pin cite: the page(s) of the authority pointed at.</summary>
    public string? Pin { get; set; }

    /// <summary>Case name written with the citation (<c>Roe v. Wade</c>).</summary>
    public string? CaseName { get; set; }

    /// <summary>Court from the citation's parenthetical (<c>9th Cir.</c>).</summary>
    public string? Court { get; set; }

    /// <summary>Decision year from the citation's parenthetical.</summary>
    public int? Year { get; set; }

    /// <summary>Page of the document the citation is on.</summary>
    public int? PageNumber { get; set; }

    public int SpanStart { get; set; }

    public int SpanEnd { get; set; }
}
