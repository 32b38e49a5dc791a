namespace LexIntel.Shared.Data.Entities;

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
