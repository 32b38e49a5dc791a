using LexIntel.Shared.Data.Entities;

namespace LexIntel.Shared.Citations;

/// <summary>
/// A citation found in text. <see cref="Start"/>/<see cref="End"/> cover the citation proper
/// (<c>410 U.S. 113</c>, <c>42 U.S.C. § 1983</c>, <c>Id. at 5</c>); <see cref="FullStart"/>/<see cref="FullEnd"/>
/// also cover the case name before it and the pin cite and parenthetical after it.
/// </summary>
public sealed record FoundCitation
{
    private readonly int? fullStart;
    private readonly int? fullEnd;

    public required CitationKind Kind { get; init; }

    /// <summary>The text between <see cref="Start"/> and <see cref="End"/>, exactly as written.</summary>
    public required string RawText { get; init; }

    /// <summary>
    /// Canonical form that groups variant spellings: <c>410 U.S. 113</c>, <c>42 U.S.C. § 1983</c>,
    /// <c>Fed. R. Civ. P. 12(b)(6)</c>. Short forms (Id., supra, short cites) carry the normalized
    /// form of the full citation they refer to.
    /// </summary>
    public required string Normalized { get; init; }

    public required int Start { get; init; }

    public required int End { get; init; }

    /// <summary>Where the case name starts; <see cref="Start"/> when there is none.</summary>
    public int FullStart
    {
        get => fullStart ?? Start;
        init => fullStart = value;
    }

    /// <summary>Where the pin cite or parenthetical ends; <see cref="End"/> when there is none.</summary>
    public int FullEnd
    {
        get => fullEnd ?? End;
        init => fullEnd = value;
    }

    public int? Volume { get; init; }

    /// <summary>Canonical reporter, code, rule set or journal abbreviation (<c>F.3d</c>, <c>U.S.C.</c>).</summary>
    public string? Reporter { get; init; }

    public string? Page { get; init; }

    /// <summary>Pin cite: the page(s) pointed at, <c>120</c> or <c>120-121</c>.</summary>
    public string? Pin { get; init; }

    /// <summary>Court from the parenthetical (<c>9th Cir.</c>); null when it names only a year.</summary>
    public string? Court { get; init; }

    public int? Year { get; init; }

    /// <summary>Case name written before the citation (<c>Roe v. Wade</c>).</summary>
    public string? CaseName { get; init; }

    /// <summary>Code title (42 in 42 U.S.C.).</summary>
    public string? Title { get; init; }

    /// <summary>Section or rule (<c>1983</c>, <c>1332(a)(1)</c>, <c>12(b)(6)</c>); the first of a range.</summary>
    public string? Section { get; init; }

    /// <summary>Last section of a range (<c>1332</c> in <c>§§ 1331-1332</c>).</summary>
    public string? SectionEnd { get; init; }

    /// <summary>
    /// For a parallel citation, the normalized form of the first citation of its group that has a
    /// page (<c>140 S. Ct. 1731</c> for <c>___ U.S. ___, 140 S. Ct. 1731</c>).
    /// </summary>
    public string? ParallelTo { get; init; }

    /// <summary>
    /// A short form whose full citation is not in the text (a brief split across documents, a
    /// pasted passage): reported with the parts it has, <see cref="Normalized"/> built from them.
    /// </summary>
    public bool Unresolved { get; init; }
}
