namespace LexIntel.Tests.Harness.Citations;

/// <summary>One file of labelled cases: a family of citation forms (pins, short forms, public-domain citations…).</summary>
public sealed record LabelledFamily(string Family, IReadOnlyList<LabelledCase> Cases);
