using System.Text.Json.Serialization;

namespace LexIntel.Shared.Data.Entities;

[JsonConverter(typeof(JsonStringEnumConverter<CitationKind>))]
public enum CitationKind
{
    Case,
    ShortCase,
    Id,
    Supra,
    Statute,
    Regulation,
    CourtRule,
    Journal,

    /// <summary>A case named again without its reporter (<c>in Celotex at 323</c>), resolved to its full citation.</summary>
    Reference,
}
