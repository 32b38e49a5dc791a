using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LexIntel.Tests.Integration.Queue;

/// <summary>
/// What the reconciler and a deletion's cleanup read and remove of the pipeline's jobs, on a real
/// Redis. They use the pipeline's own kinds, which no other test of the collection touches.
/// </summary>
[Collection(RedisCollection.Name)]
[Tier(TestTier.Integration)]
public sealed class QueuedJobsTests(RedisServer redis) : IAsyncLifetime
{
    private const string Holder = "holder";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IDatabase Db => redis.Connection.GetDatabase();

    private QueuedJobs Jobs => new(redis.Connection);

    private JobPublisher Publisher => new(redis.Connection, Options.Create(new QueueOptions()), TimeProvider.System);

    public ValueTask InitializeAsync() => ForgetPipelineJobsAsync();

    public ValueTask DisposeAsync() => ForgetPipelineJobsAsync();

    [Fact]
    public async Task The_live_runs_are_those_with_a_job_waiting_in_flight_or_delayed_and_not_those_dead_lettered()
    {
        var waiting = Job(JobKinds.Extract, run: 1);
        var inFlight = Job(JobKinds.Embed, run: 2);
        var delayed = Job(JobKinds.Extract, run: 3);
        var dead = Job(JobKinds.Embed, run: 1);
        await DeliverAsync(inFlight);
        await Publisher.EnqueueAsync(waiting, Cancel);
        await DelayAsync(delayed);
        await DeadLetterAsync(dead);

        var live = await Jobs.ListLiveRunsAsync(Cancel);

        Assert.Equal(
            new HashSet<(Guid, int)> { (waiting.DocumentId, 1), (inFlight.DocumentId, 2), (delayed.DocumentId, 3) },
            live.ToHashSet());
    }

    [Fact]
    public async Task Removing_takes_every_job_and_marker_naming_the_deleted_and_leaves_a_job_in_flight_to_its_consumer()
    {
        var deletedCase = Guid.NewGuid();
        var held = Job(JobKinds.Extract, run: 1) with { CaseId = deletedCase };
        var ofDeletedCase = Job(JobKinds.Extract, run: 1) with { CaseId = deletedCase };
        var deleted = Job(JobKinds.Embed, run: 1);
        var kept = Job(JobKinds.Extract, run: 1);
        await DeliverAsync(held);
        await Publisher.EnqueueAsync(ofDeletedCase, Cancel);
        await Publisher.EnqueueAsync(deleted, Cancel);
        await DelayAsync(deleted with { Attempt = 2 });
        await DeadLetterAsync(deleted);
        await Publisher.EnqueueAsync(kept, Cancel);
        await DelayAsync(kept with { Attempt = 2 });
        Assert.True(await Db.KeyExistsAsync(QueueKeys.Dedup(deleted.Kind, deleted.Key)));

        var inFlight = await Jobs.RemoveAsync(new HashSet<Guid> { deleted.DocumentId, held.DocumentId }, new HashSet<Guid> { deletedCase }, Cancel);

        Assert.Equal([(deletedCase, held.DocumentId)], inFlight);
        Assert.Equal([held.DocumentId, kept.DocumentId], await DocumentsOnAsync(QueueKeys.Stream(JobKinds.Extract)));
        Assert.Empty(await DocumentsOnAsync(QueueKeys.Stream(JobKinds.Embed)));
        Assert.Empty(await DocumentsOnAsync(QueueKeys.Dead(JobKinds.Embed)));
        Assert.Equal(0, await Db.SortedSetLengthAsync(QueueKeys.Delayed(JobKinds.Embed)));
        Assert.Equal(1, await Db.SortedSetLengthAsync(QueueKeys.Delayed(JobKinds.Extract)));
        Assert.False(await Db.KeyExistsAsync(QueueKeys.Dedup(deleted.Kind, deleted.Key)));
        Assert.False(await Db.KeyExistsAsync(QueueKeys.Markers(deleted.DocumentId)));
        Assert.False(await Db.KeyExistsAsync(QueueKeys.Dedup(held.Kind, held.Key)));
        Assert.True(await Db.KeyExistsAsync(QueueKeys.Dedup(kept.Kind, kept.Key)));
        Assert.True(await Db.KeyExistsAsync(QueueKeys.Markers(kept.DocumentId)));

        // Once its consumer is done, removing again leaves nothing of the held job either.
        await Db.StreamAcknowledgeAsync(QueueKeys.Stream(JobKinds.Extract), QueueKeys.Group(JobKinds.Extract), (await Db.StreamRangeAsync(QueueKeys.Stream(JobKinds.Extract), count: 1))[0].Id);
        Assert.Empty(await Jobs.RemoveAsync(new HashSet<Guid> { held.DocumentId }, new HashSet<Guid>(), Cancel));
        Assert.Equal([kept.DocumentId], await DocumentsOnAsync(QueueKeys.Stream(JobKinds.Extract)));
    }

    private static JobMessage Job(string kind, int run)
    {
        var document = Guid.NewGuid();
        return new JobMessage
        {
            Kind = kind, Key = $"{kind}:{document}:{run}", TenantId = Guid.NewGuid(), CaseId = Guid.NewGuid(), DocumentId = document, RunNumber = run,
        };
    }

    /// <summary>Enqueues the job and has a consumer take it, as a worker that is running it would.</summary>
    private async Task DeliverAsync(JobMessage job)
    {
        var stream = QueueKeys.Stream(job.Kind);
        await Db.StreamCreateConsumerGroupAsync(stream, QueueKeys.Group(job.Kind), StreamPosition.Beginning, createStream: true);
        await Publisher.EnqueueAsync(job, Cancel);
        Assert.Single(await Db.StreamReadGroupAsync(stream, QueueKeys.Group(job.Kind), Holder, StreamPosition.NewMessages, 1));
    }

    private async Task DelayAsync(JobMessage job) =>
        await Db.SortedSetAddAsync(QueueKeys.Delayed(job.Kind), job.ToDelayedMember(), DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds());

    private async Task DeadLetterAsync(JobMessage job) =>
        await Db.StreamAddAsync(QueueKeys.Dead(job.Kind), [.. job.ToEntries(), new NameValueEntry("errorCode", "internal_error")]);

    private async Task<Guid[]> DocumentsOnAsync(string stream) =>
        [.. (await Db.StreamRangeAsync(stream)).Select(e => Guid.Parse(e[JobMessage.DocumentField].ToString()))];

    private async ValueTask ForgetPipelineJobsAsync()
    {
        foreach (var kind in DocumentPipeline.JobKinds)
        {
            await Db.KeyDeleteAsync([QueueKeys.Stream(kind), QueueKeys.Delayed(kind), QueueKeys.Dead(kind)]);
        }
    }
}
