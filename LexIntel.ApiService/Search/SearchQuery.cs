using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LexIntel.ApiService.Search;

/// <summary>A validated search, scoped to one tenant (and, optionally, some of its cases).</summary>
public sealed record SearchQuery
{
    public required Guid TenantId { get; init; }

    public required string Text { get; init; }

    public SearchMode Mode { get; init; } = SearchMode.Hybrid;

    public int Limit { get; init; } = 10;

    public SearchGrouping Group { get; init; } = SearchGrouping.Page;

    /// <summary>The best results re-ordered by the configured reranker (<see cref="SearchOptions.RerankDepth"/>).</summary>
    public bool Rerank { get; init; }

    /// <summary>Null: every case of the tenant.</summary>
    public IReadOnlyList<Guid>? CaseIds { get; init; }

    public IReadOnlyList<Guid>? DocumentIds { get; init; }

    public IReadOnlyList<string>? ContentTypes { get; init; }

    public DateTimeOffset? UploadedFrom { get; init; }

    public DateTimeOffset? UploadedBefore { get; init; }

    /// <summary>A normalized citation (as stored), e.g. <c>410 U.S. 113</c>.</summary>
    public string? Cites { get; init; }

    internal SearchCursor? After { get; init; }

    /// <summary>Identifies what is searched (not the page), so a cursor is only honoured for its own query.</summary>
    internal ulong Fingerprint
    {
        get
        {
            var canonical = string.Join(
                '\u001f',
                TenantId,
                Text,
                Mode,
                Group,
                Rerank,
                string.Join(',', CaseIds ?? []),
                string.Join(',', DocumentIds ?? []),
                string.Join(',', ContentTypes ?? []),
                UploadedFrom?.UtcTicks,
                UploadedBefore?.UtcTicks,
                Cites);
            return BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        }
    }
}
