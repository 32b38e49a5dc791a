namespace LexIntel.ApiService.Search;

/// <summary>Narrows a search; every given filter must hold.</summary>
public sealed record SearchFilters
{
    /// <summary>Only in these cases (tenant-wide search; a case's own search is already one case).</summary>
    public IReadOnlyList<Guid>? CaseIds { get; init; }

    public IReadOnlyList<Guid>? DocumentIds { get; init; }

    /// <summary>Media types as documents report them, e.g. <c>application/pdf</c>.</summary>
    public IReadOnlyList<string>? ContentTypes { get; init; }

    /// <summary>Documents uploaded at or after this instant.</summary>
    public DateTimeOffset? UploadedFrom { get; init; }

    /// <summary>Documents uploaded before this instant.</summary>
    public DateTimeOffset? UploadedBefore { get; init; }

    /// <summary>Only documents that cite this authority, in any spelling (<c>410 U. S. 113</c>, <c>42 USC 1983</c>).</summary>
    public string? Cites { get; init; }
}
