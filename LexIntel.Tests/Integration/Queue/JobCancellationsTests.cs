using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace LexIntel.Tests.Integration.Queue;

/// <summary>Which running jobs a cancellation request stops, and what becomes of their entries.</summary>
[Collection(RedisCollection.Name)]
[Tier(TestTier.Integration)]
public sealed class JobCancellationsTests(RedisServer redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IDatabase Db => redis.Connection.GetDatabase();

    [Fact]
    public async Task A_reprocess_stops_only_older_runs_and_a_cancelled_job_is_acknowledged_not_failed_or_retried()
    {
        var kind = QueueHost.NewKind();
        var cancelledRuns = 0;
        var script = new JobScript
        {
            Behavior = async (_, ct) =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref cancelledRuns);
                    throw;
                }
            },
        };
        using var host = QueueHost.Create(redis, kind, script, "c1", o => o.SoftTimeLimit = o.HardTimeLimit = TimeSpan.FromMinutes(1));
        await host.StartAsync(Cancel);
        var cancellations = host.Services.GetRequiredService<JobCancellations>();
        var job = QueueHost.Job(kind) with { RunNumber = 2 };
        await host.Services.GetRequiredService<JobPublisher>().EnqueueAsync(job, Cancel);
        await Eventually.HoldsAsync(() => script.Runs.Count == 1, Patience, "the job to start");

        // Run 2 is the current one: a new run 2 (a request naming runs before 2) leaves it alone, as does another document's cancel.
        await cancellations.RequestAsync(job.DocumentId, beforeRun: 2);
        await cancellations.RequestAsync(Guid.NewGuid());
        await Task.Delay(TimeSpan.FromMilliseconds(500), Cancel);
        Assert.Equal(0, cancelledRuns);

        await cancellations.RequestAsync(job.DocumentId, beforeRun: 3);
        await Eventually.HoldsAsync(async () => await Db.StreamLengthAsync(QueueKeys.Stream(kind)) == 0, Patience, "the cancelled entry to be acknowledged");
        Assert.Equal(1, cancelledRuns);
        Assert.Empty(script.Failures);
        Assert.Equal(0, await Db.SortedSetLengthAsync(QueueKeys.Delayed(kind)));
        Assert.DoesNotContain((await Db.HashKeysAsync(QueueKeys.Running)).Select(k => k.ToString()), k => k.StartsWith(kind + "/", StringComparison.Ordinal));
        await host.StopAsync(Cancel);
        Assert.Single(script.Runs);
    }
}
