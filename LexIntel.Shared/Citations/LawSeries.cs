using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Citations;

/// <summary>A statute or regulation series from reporters-db's laws.json (<c>U.S.C.</c>, <c>Mo. Rev. Stat.</c>).</summary>
public sealed record LawSeries(string Canonical, string Name, CitationKind Kind);
