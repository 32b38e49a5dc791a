using LexIntel.WorkerService.Reconciliation;

namespace LexIntel.Tests.Unit.Reconciliation;

[Tier(TestTier.Unit)]
public sealed class ReconcilerOptionsValidatorTests
{
    private readonly ReconcilerOptionsValidator validator = new();

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(validator.Validate(null, new ReconcilerOptions()).Succeeded);
    }

    [Fact]
    public void A_schedule_that_would_busy_the_databases_or_repair_what_is_not_broken_is_refused_naming_its_key()
    {
        var result = validator.Validate(null, new ReconcilerOptions
        {
            Interval = TimeSpan.FromSeconds(1),
            StuckDocumentGracePeriod = TimeSpan.FromSeconds(30),
            OrphanFileGracePeriod = TimeSpan.FromMinutes(5),
        });

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("LexIntel:Reconciler:Interval ", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("LexIntel:Reconciler:StuckDocumentGracePeriod ", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("LexIntel:Reconciler:OrphanFileGracePeriod ", StringComparison.Ordinal));
        Assert.False(validator.Validate(null, new ReconcilerOptions { Interval = TimeSpan.FromDays(2) }).Succeeded);
    }
}
