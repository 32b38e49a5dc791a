using System.Diagnostics;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace LexIntel.Tests.Integration.Queue;

[Collection(RedisCollection.Name)]
[Tier(TestTier.Integration)]
public sealed class JobQueueTests(RedisServer redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IDatabase Db => redis.Connection.GetDatabase();

    [Fact]
    public async Task Enqueue_is_idempotent_per_job_key()
    {
        var kind = QueueHost.NewKind();
        using var host = QueueHost.Create(redis, kind, new JobScript(), "c1");
        var publisher = host.Services.GetRequiredService<JobPublisher>();

        var first = await publisher.EnqueueAsync(QueueHost.Job(kind, "doc-1:run-1"), Cancel);
        var second = await publisher.EnqueueAsync(QueueHost.Job(kind, "doc-1:run-1"), Cancel);
        var other = await publisher.EnqueueAsync(QueueHost.Job(kind, "doc-1:run-2"), Cancel);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(other);
        Assert.Equal(2, await Db.StreamLengthAsync(QueueKeys.Stream(kind)));
    }

    [Fact]
    public async Task A_consumer_makes_its_group_again_when_Redis_has_lost_it()
    {
        var kind = QueueHost.NewKind();
        var script = new JobScript();
        using var host = QueueHost.Create(redis, kind, script, "c1");
        await host.StartAsync(Cancel);
        await Eventually.HoldsAsync(async () => await Db.KeyExistsAsync(QueueKeys.Stream(kind)), Patience, "the consumer to make its group");

        // What a flush (or a restart without data) does to one kind: the stream goes, and its group with it.
        await Db.KeyDeleteAsync(QueueKeys.Stream(kind));
        await host.Services.GetRequiredService<JobPublisher>().EnqueueAsync(QueueHost.Job(kind), Cancel);

        await Eventually.HoldsAsync(() => !script.Completed.IsEmpty, Patience, "the job enqueued after the loss to complete");
        await host.StopAsync(Cancel);
    }

    [Fact]
    public async Task A_completed_job_is_acknowledged_and_removed_from_the_stream()
    {
        var kind = QueueHost.NewKind();
        var script = new JobScript();
        using var host = QueueHost.Create(redis, kind, script, "c1");
        await host.StartAsync(Cancel);

        var job = QueueHost.Job(kind) with { TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" };
        await host.Services.GetRequiredService<JobPublisher>().EnqueueAsync(job, Cancel);

        await Eventually.HoldsAsync(() => !script.Completed.IsEmpty, Patience, "the job to complete");
        await Eventually.HoldsAsync(async () => await Db.StreamLengthAsync(QueueKeys.Stream(kind)) == 0, Patience, "the entry to be deleted after its ack");
        var stats = await host.Services.GetRequiredService<QueueAdmin>().GetStatsAsync(kind);
        Assert.Equal(0, stats.Pending);
        Assert.Single(script.Runs);
        await host.StopAsync(Cancel);
    }

    [Fact]
    public async Task Retryable_failures_back_off_then_dead_letter_after_max_attempts()
    {
        var kind = QueueHost.NewKind();
        var script = new JobScript { Behavior = (_, _) => throw new RetryableJobException("the embedding service did not answer") };
        using var host = QueueHost.Create(redis, kind, script, "c1", o => o.MaxAttempts = 4);
        await host.StartAsync(Cancel);
        var job = QueueHost.Job(kind);

        await host.Services.GetRequiredService<JobPublisher>().EnqueueAsync(job, Cancel);
        await Eventually.HoldsAsync(() => !script.Failures.IsEmpty, Patience, "the job to be dead-lettered");

        Assert.Equal([1, 2, 3, 4], script.Runs.Select(r => r.Attempt));

        var (failedJob, failure) = Assert.Single(script.Failures);
        Assert.Equal(job.Key, failedJob.Key);
        Assert.True(failure.DeadLettered);
        Assert.Equal("dead_lettered", failure.Code);
        Assert.Equal("Gave up after 4 attempts: the embedding service did not answer", failure.Reason);

        var dead = Assert.Single(await host.Services.GetRequiredService<QueueAdmin>().ListDeadLettersAsync(kind, 10));
        Assert.Equal(job.Key, dead.JobKey);
        Assert.Equal(4, dead.Attempts);
        Assert.False(dead.Permanent);
        Assert.Equal(0, await Db.StreamLengthAsync(QueueKeys.Stream(kind)));
        Assert.Equal(0, await Db.SortedSetLengthAsync(QueueKeys.Delayed(kind)));
        await host.StopAsync(Cancel);
    }

    [Fact]
    public async Task An_unexpected_exception_reaches_users_as_a_stable_reason_naming_its_trace_never_as_its_message()
    {
        const string message = "Could not find file '/var/lib/lexintel/files/3f2a/original.pdf': permission denied for role lexintel";
        var kind = QueueHost.NewKind();
        var script = new JobScript { Behavior = (_, _) => throw new IOException(message) };
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == QueueTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var host = QueueHost.Create(redis, kind, script, "c1", o => o.MaxAttempts = 2);
        await host.StartAsync(Cancel);
        const string trace = "0af7651916cd43dd8448eb211c80319c";

        await host.Services.GetRequiredService<JobPublisher>().EnqueueAsync(QueueHost.Job(kind) with { TraceParent = $"00-{trace}-b7ad6b7169203331-01" }, Cancel);
        await Eventually.HoldsAsync(() => !script.Failures.IsEmpty, Patience, "the job to be dead-lettered");

        var (_, failure) = Assert.Single(script.Failures);
        Assert.Equal("dead_lettered", failure.Code);
        Assert.Equal($"Gave up after 2 attempts: processing failed unexpectedly (internal_error); the error was logged with trace id {trace}", failure.Reason);
        var dead = Assert.Single(await host.Services.GetRequiredService<QueueAdmin>().ListDeadLettersAsync(kind, 10));
        Assert.Equal(failure.Reason, dead.Error);
        await host.StopAsync(Cancel);
    }

    [Fact]
    public async Task Permanent_failures_are_not_retried()
    {
        var kind = QueueHost.NewKind();
        var script = new JobScript { Behavior = (_, _) => throw new PermanentJobException("unsupported_type", "Files of type image/gif are not supported.") };
        using var host = QueueHost.Create(redis, kind, script, "c1");
        await host.StartAsync(Cancel);

        await host.Services.GetRequiredService<JobPublisher>().EnqueueAsync(QueueHost.Job(kind), Cancel);
        await Eventually.HoldsAsync(() => !script.Failures.IsEmpty, Patience, "the permanent failure to be recorded");
        await Task.Delay(500, Cancel);

        Assert.Single(script.Runs);
        var (_, failure) = Assert.Single(script.Failures);
        Assert.Equal("unsupported_type", failure.Code);
        Assert.False(failure.DeadLettered);
        var dead = Assert.Single(await host.Services.GetRequiredService<QueueAdmin>().ListDeadLettersAsync(kind, 10));
        Assert.True(dead.Permanent);
        Assert.Equal("unsupported_type", dead.Code);
        await host.StopAsync(Cancel);
    }

    [Fact]
    public async Task The_soft_time_limit_cancels_the_handler_and_counts_as_a_retryable_timeout()
    {
        var kind = QueueHost.NewKind();
        var cancelledRuns = 0;
        var script = new JobScript
        {
            Behavior = async (job, ct) =>
            {
                if (job.Attempt == 1)
                {
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(30), ct);
                    }
                    catch (OperationCanceledException)
                    {
                        Interlocked.Increment(ref cancelledRuns);
                        throw;
                    }
                }
            },
        };
        using var host = QueueHost.Create(redis, kind, script, "c1", o =>
        {
            o.SoftTimeLimit = TimeSpan.FromMilliseconds(300);
            o.HardTimeLimit = TimeSpan.FromSeconds(5);
        });
        await host.StartAsync(Cancel);

        await host.Services.GetRequiredService<JobPublisher>().EnqueueAsync(QueueHost.Job(kind), Cancel);

        await Eventually.HoldsAsync(() => script.Completed.Any(r => r.Attempt == 2), Patience, "the retry after the soft limit to complete");
        Assert.Equal(1, cancelledRuns);
        Assert.Empty(script.Failures);
        await host.StopAsync(Cancel);
    }

    [Fact]
    public async Task The_hard_time_limit_abandons_the_entry_which_is_then_reclaimed_and_run_again()
    {
        var kind = QueueHost.NewKind();
        var firstRun = 0;
        var script = new JobScript
        {
            // The first run ignores its token, as a handler stuck in native code would.
            Behavior = (_, _) => Interlocked.Exchange(ref firstRun, 1) == 0
                ? Task.Delay(TimeSpan.FromSeconds(3), CancellationToken.None)
                : Task.CompletedTask,
        };
        using var host = QueueHost.Create(redis, kind, script, "c1", o =>
        {
            o.SoftTimeLimit = TimeSpan.FromMilliseconds(200);
            o.HardTimeLimit = TimeSpan.FromMilliseconds(400);
            o.Concurrency = 2;
        });
        await host.StartAsync(Cancel);

        await host.Services.GetRequiredService<JobPublisher>().EnqueueAsync(QueueHost.Job(kind), Cancel);

        await Eventually.HoldsAsync(() => script.Completed.Count == 1 && script.Runs.Count == 2, Patience, "the abandoned entry to be reclaimed and completed");
        Assert.True(script.Runs.Last().StartedAt - script.Runs.First().StartedAt >= TimeSpan.FromMilliseconds(400 + 900), "reclaimed before the lease could lapse");
        await Eventually.HoldsAsync(async () => await Db.StreamLengthAsync(QueueKeys.Stream(kind)) == 0, Patience, "the reclaimed entry to be acknowledged");
        await host.StopAsync(Cancel);
    }

    [Fact]
    public async Task Graceful_shutdown_lets_in_flight_jobs_finish_within_the_grace_period()
    {
        var kind = QueueHost.NewKind();
        var started = new TaskCompletionSource();
        var script = new JobScript
        {
            Behavior = async (_, ct) =>
            {
                started.TrySetResult();
                await Task.Delay(TimeSpan.FromMilliseconds(800), ct);
            },
        };
        using var host = QueueHost.Create(redis, kind, script, "c1");
        await host.StartAsync(Cancel);
        await host.Services.GetRequiredService<JobPublisher>().EnqueueAsync(QueueHost.Job(kind), Cancel);
        await started.Task.WaitAsync(Patience, Cancel);

        await host.StopAsync(Cancel);

        Assert.Single(script.Completed);
        Assert.Equal(0, await Db.StreamLengthAsync(QueueKeys.Stream(kind)));
    }

    [Fact]
    public async Task A_job_cut_off_by_shutdown_is_left_pending_and_completed_by_another_consumer()
    {
        var kind = QueueHost.NewKind();
        var started = new TaskCompletionSource();
        var script = new JobScript
        {
            Behavior = async (_, ct) =>
            {
                if (started.TrySetResult())
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), ct);
                }
            },
        };
        using (var first = QueueHost.Create(redis, kind, script, "leaving", o => o.ShutdownGracePeriod = TimeSpan.FromMilliseconds(200)))
        {
            await first.StartAsync(Cancel);
            await first.Services.GetRequiredService<JobPublisher>().EnqueueAsync(QueueHost.Job(kind), Cancel);
            await started.Task.WaitAsync(Patience, Cancel);
            await first.StopAsync(Cancel);
        }

        Assert.Empty(script.Completed);
        Assert.Empty(script.Failures);
        var pending = await Db.StreamPendingAsync(QueueKeys.Stream(kind), QueueKeys.Group(kind));
        Assert.Equal(1, pending.PendingMessageCount);

        using var second = QueueHost.Create(redis, kind, script, "staying");
        await second.StartAsync(Cancel);
        await Eventually.HoldsAsync(() => script.Completed.Count == 1, Patience, "the left-over job to be reclaimed and completed");
        await second.StopAsync(Cancel);

        // A shutdown is no fault of the job's: its cut-off run does not count as an attempt.
        Assert.Equal(1, script.Completed.Single().Attempt);
    }

    [Fact]
    public async Task Concurrent_consumers_never_run_the_same_entry_at_once_even_past_the_visibility_timeout()
    {
        var kind = QueueHost.NewKind();
        var script = new JobScript { Behavior = (_, ct) => Task.Delay(TimeSpan.FromMilliseconds(1_500), ct) };
        using var a = QueueHost.Create(redis, kind, script, "a", o => o.Concurrency = 3);
        using var b = QueueHost.Create(redis, kind, script, "b", o => o.Concurrency = 3);
        await a.StartAsync(Cancel);
        await b.StartAsync(Cancel);
        var publisher = a.Services.GetRequiredService<JobPublisher>();
        for (var i = 0; i < 6; i++)
        {
            await publisher.EnqueueAsync(QueueHost.Job(kind), Cancel);
        }

        await Eventually.HoldsAsync(() => script.Completed.Count == 6, Patience, "all six jobs to complete");
        await Task.Delay(1_200, Cancel);

        Assert.Equal(6, script.Runs.Count);
        Assert.Equal(1, script.MaxConcurrentRunsOfOneJob);
        await a.StopAsync(Cancel);
        await b.StopAsync(Cancel);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task A_busy_consumer_leaves_waiting_jobs_to_an_idle_one_whatever_its_prefetch(int prefetch)
    {
        var kind = QueueHost.NewKind();
        var release = new TaskCompletionSource();
        var busyScript = new JobScript { Behavior = (job, ct) => job.Key == "long" ? release.Task.WaitAsync(ct) : Task.CompletedTask };
        var idleScript = new JobScript();

        // Entries a consumer holds without running them would reach the idle consumer anyway once
        // their lease lapsed; a long lease leaves them where the read put them.
        void Configure(QueueOptions o)
        {
            o.Prefetch = prefetch;
            o.VisibilityTimeout = TimeSpan.FromMinutes(1);
        }

        using var busy = QueueHost.Create(redis, kind, busyScript, "busy", Configure);
        using var idle = QueueHost.Create(redis, kind, idleScript, "idle", Configure);
        var publisher = busy.Services.GetRequiredService<JobPublisher>();
        string[] waiting = ["short-1", "short-2", "short-3"];
        await publisher.EnqueueAsync(QueueHost.Job(kind, "long"), Cancel);
        foreach (var key in waiting)
        {
            await publisher.EnqueueAsync(QueueHost.Job(kind, key), Cancel);
        }

        // All four are queued before the busy consumer's first read, so a consumer reading ahead of
        // what it can run would take the waiting three in that read.
        await busy.StartAsync(Cancel);
        await Eventually.HoldsAsync(() => busyScript.Runs.Count == 1, Patience, "the busy consumer to start the long job");
        var held = await Db.StreamPendingAsync(QueueKeys.Stream(kind), QueueKeys.Group(kind));
        Assert.Equal([("busy", 1)], held.Consumers.Select(c => (c.Name.ToString(), c.PendingMessageCount)));

        await idle.StartAsync(Cancel);
        await Eventually.HoldsAsync(() => idleScript.Completed.Count == waiting.Length, Patience, "the idle consumer to run the waiting jobs");

        Assert.Equal(waiting, idleScript.Completed.Select(r => r.Key).Order());
        Assert.Equal(["long"], busyScript.Runs.Select(r => r.Key));
        Assert.Empty(busyScript.Completed);
        release.SetResult();
        await Eventually.HoldsAsync(async () => await Db.StreamLengthAsync(QueueKeys.Stream(kind)) == 0, Patience, "the long job to be acknowledged");
        Assert.Equal(["long"], busyScript.Completed.Select(r => r.Key));
        await idle.StopAsync(Cancel);
        await busy.StopAsync(Cancel);
    }

    [Fact]
    public async Task A_dead_letter_can_be_requeued_as_a_fresh_first_attempt()
    {
        var kind = QueueHost.NewKind();
        var fail = true;
        var script = new JobScript { Behavior = (_, _) => Volatile.Read(ref fail) ? throw new PermanentJobException("corrupt", "broken") : Task.CompletedTask };
        using var host = QueueHost.Create(redis, kind, script, "c1");
        await host.StartAsync(Cancel);
        var admin = host.Services.GetRequiredService<QueueAdmin>();
        await host.Services.GetRequiredService<JobPublisher>().EnqueueAsync(QueueHost.Job(kind), Cancel);
        await Eventually.HoldsAsync(async () => (await admin.ListDeadLettersAsync(kind, 10)).Count == 1, Patience, "the dead letter");
        var dead = (await admin.ListDeadLettersAsync(kind, 10))[0];
        Volatile.Write(ref fail, false);

        Assert.True(await admin.RequeueAsync(kind, dead.Id));
        Assert.False(await admin.RequeueAsync(kind, dead.Id));

        await Eventually.HoldsAsync(() => script.Completed.Count == 1, Patience, "the requeued job to complete");
        Assert.Equal(1, script.Completed.Single().Attempt);
        Assert.Empty(await admin.ListDeadLettersAsync(kind, 10));
        await host.StopAsync(Cancel);
    }
}
