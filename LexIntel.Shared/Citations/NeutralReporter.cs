namespace LexIntel.Shared.Citations;

/// <summary>
/// A public-domain (vendor-neutral) citation series from reporters-db: the year, the court's
/// abbreviation and the decision's number (<c>2017 ND 89</c>); <paramref name="Dashed"/> when the
/// state writes it with hyphens (<c>2015-Ohio-4001</c>, <c>2012-NMSC-022</c>).
/// </summary>
public sealed record NeutralReporter(string Canonical, bool Dashed)
{
    public string Normalize(int year, string number) => Dashed ? $"{year}-{Canonical}-{number}" : $"{year} {Canonical} {number}";
}
