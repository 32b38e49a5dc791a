using LexIntel.Shared.Citations;
using LexIntel.Tests.Harness.Citations;

namespace LexIntel.Tests.Unit.Citations;

/// <summary>Each labelled case of <c>testdata/citations/</c>: exactly its citations, every part, nothing missing or extra.</summary>
[Tier(TestTier.Unit)]
public sealed class LabelledCitationTests
{
    private static readonly CitationExtractor Extractor = new();

    // Read once for the class: every row looks its case up here, not in the files again.
    private static readonly IReadOnlyList<LabelledCase> Labelled = LabelledCitations.All();

    public static TheoryData<string> Cases() => [.. Labelled.Select(c => c.ToString())];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_citation_of_the_case_is_found_with_every_part(string name)
    {
        var labelled = Labelled.Single(c => c.ToString() == name);

        Assert.Equal(labelled.Citations, LabelledCitations.Found(Extractor, labelled.Text));
    }
}
