using System.Globalization;
using System.Text;
using LexIntel.Shared.Pipeline;

namespace LexIntel.Tests.Unit.Pipeline;

/// <summary>The architecture docs show the pipeline as declared, not as it once was.</summary>
[Tier(TestTier.Unit)]
public sealed class DocumentPipelineDocsTests
{
    private const string Begin = "<!-- pipeline-steps:begin -->";
    private const string End = "<!-- pipeline-steps:end -->";

    [Fact]
    public void The_docs_table_of_steps_is_the_declaration()
    {
        var docs = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "architecture.md"));
        var start = docs.IndexOf(Begin, StringComparison.Ordinal);
        var end = docs.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/architecture.md has no {Begin} … {End} block");

        var table = docs[(start + Begin.Length)..end].Trim().ReplaceLineEndings("\n");

        Assert.True(table == Render(), $"docs/architecture.md should read:\n{Render()}");
    }

    private static string Render()
    {
        var table = new StringBuilder("| step | stage | job | progress |\n|---|---|---|---|");
        foreach (var step in DocumentPipeline.Steps)
        {
            table.Append(CultureInfo.InvariantCulture, $"\n| {step.Name} | {step.Stage} | {step.JobKind} | {step.StartPercent}–{step.EndPercent} % |");
        }

        return table.ToString();
    }
}
