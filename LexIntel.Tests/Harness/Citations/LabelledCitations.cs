using System.Text.Json;
using System.Text.Json.Serialization;
using LexIntel.Shared.Citations;

namespace LexIntel.Tests.Harness.Citations;

/// <summary>
/// Citation strings with every citation a citator finds in them, written by hand in
/// <c>testdata/citations/*.json</c> (one file per family of forms): the unit tests hold each case,
/// and the <c>citations</c> benchmark reports the share found exactly (<c>cases_exact</c>).
/// </summary>
public static class LabelledCitations
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<LabelledCase> All() =>
        [.. Directory.EnumerateFiles(TestData.CitationCases, "*.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(file =>
            {
                var family = JsonSerializer.Deserialize<LabelledFamily>(File.ReadAllText(file), Json)
                    ?? throw new InvalidDataException($"{file} holds no family");
                return family.Cases.Select(c => c with { Family = family.Family });
            })];

    /// <summary>What the extractor found, in the labels' terms, in order.</summary>
    public static IReadOnlyList<LabelledCitation> Found(ICitationExtractor extractor, string text) =>
        [.. extractor.Extract(text).Select(LabelledCitation.From)];

    public static bool IsExact(ICitationExtractor extractor, LabelledCase labelled) =>
        Found(extractor, labelled.Text).SequenceEqual(labelled.Citations);
}
