using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LexIntel.Tests.Integration.Queue;

/// <summary>
/// Every delivery of a job counts, also the ones Redis makes again after a run was lost, so a job
/// whose runs never finish stops after <see cref="QueueOptions.MaxDeliveries"/> instead of looping.
/// Lost runs are made here by <see cref="LostDeliveries"/>; <see cref="WorkerCrashTests"/> kills real workers.
/// </summary>
[Collection(RedisCollection.Name)]
[Tier(TestTier.Integration)]
public sealed class DeliveryCapTests(RedisServer redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IDatabase Db => redis.Connection.GetDatabase();

    [Fact]
    public async Task A_run_lost_with_its_worker_counts_and_the_reclaimed_entry_runs_as_the_next_attempt()
    {
        var kind = QueueHost.NewKind();
        var script = new JobScript();
        using var host = QueueHost.Create(redis, kind, script, "survivor");
        await host.Services.GetRequiredService<JobPublisher>().EnqueueAsync(QueueHost.Job(kind), Cancel);
        await LostDeliveries.MakeAsync(Db, kind, 1);

        await host.StartAsync(Cancel);
        await Eventually.HoldsAsync(() => script.Completed.Count == 1, Patience, "the reclaimed job to complete");

        Assert.Equal([2], script.Runs.Select(r => r.Attempt));
        await host.StopAsync(Cancel);
    }

    [Fact]
    public async Task An_entry_reclaimed_after_max_deliveries_lost_runs_is_dead_lettered_as_worker_crashed_without_running_again()
    {
        var kind = QueueHost.NewKind();
        var script = new JobScript();
        using var host = QueueHost.Create(redis, kind, script, "survivor", o => o.MaxDeliveries = 3);
        var job = QueueHost.Job(kind);
        await host.Services.GetRequiredService<JobPublisher>().EnqueueAsync(job, Cancel);
        await LostDeliveries.MakeAsync(Db, kind, 3);

        await host.StartAsync(Cancel);
        await Eventually.HoldsAsync(() => !script.Failures.IsEmpty, Patience, "the job to be given up");

        Assert.Empty(script.Runs);
        var (failedJob, failure) = Assert.Single(script.Failures);
        Assert.Equal(job.Key, failedJob.Key);
        Assert.Equal(JobFailure.WorkerCrashedCode, failure.Code);
        Assert.Equal(3, failure.Attempts);
        Assert.StartsWith("Gave up after 3 attempts: the worker processing the file stopped before it finished", failure.Reason, StringComparison.Ordinal);
        var dead = Assert.Single(await host.Services.GetRequiredService<QueueAdmin>().ListDeadLettersAsync(kind, 10));
        Assert.Equal(JobFailure.WorkerCrashedCode, dead.Code);
        Assert.False(dead.Permanent);
        Assert.Equal(0, await Db.StreamLengthAsync(QueueKeys.Stream(kind)));
        await host.StopAsync(Cancel);
    }

    [Fact]
    public async Task A_handler_past_the_hard_limit_on_its_last_delivery_is_given_up_as_timed_out_and_keeps_its_slot_until_it_ends()
    {
        var kind = QueueHost.NewKind();
        var release = new TaskCompletionSource();
        var tokenCancelled = new TaskCompletionSource();
        var script = new JobScript
        {
            // The stuck job ignores its token, as code that never checks it would; it only notes
            // that the token was cancelled.
            Behavior = async (job, ct) =>
            {
                if (job.Key == "stuck")
                {
                    ct.Register(() => tokenCancelled.TrySetResult());
                    await release.Task;
                }
            },
        };
        using var host = QueueHost.Create(redis, kind, script, "c1", o =>
        {
            o.MaxDeliveries = 1;
            o.SoftTimeLimit = TimeSpan.FromMilliseconds(200);
            o.HardTimeLimit = TimeSpan.FromMilliseconds(400);
        });
        await host.StartAsync(Cancel);
        var publisher = host.Services.GetRequiredService<JobPublisher>();
        await publisher.EnqueueAsync(QueueHost.Job(kind, "stuck"), Cancel);
        await Eventually.HoldsAsync(() => script.Runs.Count == 1, Patience, "the stuck job to start");
        await publisher.EnqueueAsync(QueueHost.Job(kind, "next"), Cancel);

        await Eventually.HoldsAsync(() => !script.Failures.IsEmpty, Patience, "the stuck job to be given up");
        await tokenCancelled.Task.WaitAsync(Patience, Cancel);
        var (_, failure) = Assert.Single(script.Failures);
        Assert.Equal(JobFailure.TimedOutCode, failure.Code);
        Assert.Equal("Gave up after 1 attempt: processing did not finish within the time limit of 00:00:00.4000000; the file may be too large or too complex, so split it or upload a simpler copy", failure.Reason);
        Assert.Equal(0, (await Db.StreamPendingAsync(QueueKeys.Stream(kind), QueueKeys.Group(kind))).PendingMessageCount);

        // The one slot stays with the stuck handler, so the next job waits instead of running beside it.
        await Task.Delay(1_500, Cancel);
        Assert.Equal(["stuck"], script.Runs.Select(r => r.Key));

        release.SetResult();
        await Eventually.HoldsAsync(() => script.Completed.Any(r => r.Key == "next"), Patience, "the next job to run once the slot is free");
        await host.StopAsync(Cancel);
    }

    [Fact]
    public async Task A_job_that_keeps_passing_the_soft_limit_is_given_up_as_timed_out_after_max_deliveries()
    {
        var kind = QueueHost.NewKind();
        var script = new JobScript { Behavior = (_, ct) => Task.Delay(TimeSpan.FromSeconds(30), ct) };
        using var host = QueueHost.Create(redis, kind, script, "c1", o =>
        {
            o.MaxDeliveries = 2;
            o.SoftTimeLimit = TimeSpan.FromMilliseconds(200);
            o.HardTimeLimit = TimeSpan.FromSeconds(5);
        });
        await host.StartAsync(Cancel);

        await host.Services.GetRequiredService<JobPublisher>().EnqueueAsync(QueueHost.Job(kind), Cancel);
        await Eventually.HoldsAsync(() => !script.Failures.IsEmpty, Patience, "the job to be given up");

        Assert.Equal([1, 2], script.Runs.Select(r => r.Attempt));
        var (_, failure) = Assert.Single(script.Failures);
        Assert.Equal(JobFailure.TimedOutCode, failure.Code);
        Assert.Equal(2, failure.Attempts);
        Assert.Contains("did not finish within the time limit of 00:00:00.2000000", failure.Reason, StringComparison.Ordinal);
        await host.StopAsync(Cancel);
    }
}
