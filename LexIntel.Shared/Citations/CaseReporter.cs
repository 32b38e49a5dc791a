namespace LexIntel.Shared.Citations;

/// <summary>One edition of a case reporter or law journal, as reporters-db names it.</summary>
public sealed record CaseReporter(string Canonical, string Name, bool IsJournal, int? FirstYear, int? LastYear)
{
    /// <summary>Whether a case decided in <paramref name="year"/> could be reported here (a year of slack at each end).</summary>
    public bool Covers(int year) => (FirstYear is not { } first || year >= first - 1) && (LastYear is not { } last || year <= last + 1);
}
