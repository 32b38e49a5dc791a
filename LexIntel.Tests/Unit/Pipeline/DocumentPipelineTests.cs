using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Pipeline;

namespace LexIntel.Tests.Unit.Pipeline;

[Tier(TestTier.Unit)]
public sealed class DocumentPipelineTests
{
    [Fact]
    public void The_steps_fill_the_progress_bar_in_order_without_gaps()
    {
        var steps = DocumentPipeline.Steps;

        Assert.True(steps[0].StartPercent > DocumentPipeline.PercentAt(ProcessingStatus.Queued));
        Assert.All(steps, s => Assert.True(s.StartPercent < s.EndPercent, $"{s.Name} fills no part of the bar"));
        Assert.All(steps.Zip(steps.Skip(1)), pair => Assert.Equal(pair.First.EndPercent, pair.Second.StartPercent));
        Assert.Equal(100, steps[^1].EndPercent);
    }

    [Fact]
    public void Every_working_status_has_a_step_and_the_statuses_never_go_back()
    {
        var working = Enum.GetValues<ProcessingStatus>().Except([ProcessingStatus.Queued, ProcessingStatus.Ready, ProcessingStatus.Failed]);

        Assert.Equal(working, DocumentPipeline.Steps.Select(s => s.Status).Distinct());
        Assert.Equal(DocumentPipeline.Steps.Select(s => s.Status).Order(), DocumentPipeline.Steps.Select(s => s.Status));
    }

    [Fact]
    public void Each_job_kind_runs_one_unbroken_stretch_of_steps()
    {
        var stretches = DocumentPipeline.Steps.Select(s => s.JobKind).Aggregate(new List<string>(), (kinds, kind) =>
        {
            if (kinds.Count == 0 || kinds[^1] != kind)
            {
                kinds.Add(kind);
            }

            return kinds;
        });

        Assert.Equal(DocumentPipeline.JobKinds, stretches);
        Assert.Equal([JobKinds.Extract, JobKinds.Embed], DocumentPipeline.JobKinds);
    }

    [Fact]
    public void A_job_hands_over_to_the_first_step_of_the_next_kind_and_the_last_to_none()
    {
        Assert.Equal(DocumentPipeline.Embed, DocumentPipeline.HandOverFrom(JobKinds.Extract));
        Assert.Null(DocumentPipeline.HandOverFrom(JobKinds.Embed));
    }

    [Theory]
    [InlineData(ProcessingStatus.Queued, 0)]
    [InlineData(ProcessingStatus.Extracting, 5)]
    [InlineData(ProcessingStatus.Embedding, 60)]
    [InlineData(ProcessingStatus.Ready, 100)]
    [InlineData(ProcessingStatus.Failed, 100)]
    public void A_snapshot_stands_where_its_status_starts(ProcessingStatus status, int percent) =>
        Assert.Equal(percent, DocumentPipeline.PercentAt(status));

    [Fact]
    public void Progress_within_a_step_stays_in_its_range()
    {
        var embed = DocumentPipeline.Embed;

        Assert.Equal(embed.StartPercent, embed.PercentAt(0, 10));
        Assert.Equal((embed.StartPercent + embed.EndPercent) / 2, embed.PercentAt(5, 10));
        Assert.Equal(embed.EndPercent, embed.PercentAt(10, 10));
        Assert.Equal(embed.EndPercent, embed.PercentAt(12, 10));
        Assert.Equal(embed.StartPercent, embed.PercentAt(0, 0));
    }

    [Fact]
    public void The_wiring_check_accepts_one_class_per_declared_step() =>
        DocumentPipelineCheck.Verify(DocumentPipeline.Steps);

    [Fact]
    public void The_wiring_check_names_a_step_without_a_class_one_with_two_and_one_not_declared()
    {
        var undeclared = new PipelineStep("ocr", ProcessingStatus.Extracting, JobKinds.Extract, 10, 20);
        var implemented = DocumentPipeline.Steps.Where(s => s != DocumentPipeline.Chunk).Append(DocumentPipeline.Embed).Append(undeclared);

        var error = Assert.Throws<InvalidOperationException>(() => DocumentPipelineCheck.Verify(implemented));

        Assert.Contains("'chunk' has no class", error.Message, StringComparison.Ordinal);
        Assert.Contains("'embed' has 2 classes", error.Message, StringComparison.Ordinal);
        Assert.Contains("'ocr' is not declared", error.Message, StringComparison.Ordinal);
    }
}
