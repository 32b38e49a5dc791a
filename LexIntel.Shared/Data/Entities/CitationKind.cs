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
}
