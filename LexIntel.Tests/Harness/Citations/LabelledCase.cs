namespace LexIntel.Tests.Harness.Citations;

/// <summary>A text and every citation in it, in order; none for a negative (a date, a docket number…).</summary>
public sealed record LabelledCase(string Id, string Text, IReadOnlyList<LabelledCitation> Citations)
{
    public string Family { get; init; } = string.Empty;

    public override string ToString() => $"{Family}/{Id}";
}
