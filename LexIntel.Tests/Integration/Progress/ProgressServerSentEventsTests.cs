using LexIntel.ApiService.Progress;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LexIntel.Tests.Integration.Progress;

[Collection(RedisCollection.Name)]
public sealed class ProgressServerSentEventsTests(RedisServer redis)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ProgressEvent Event(Guid documentId, Guid caseId, string stage, bool final = false) => new()
    {
        DocumentId = documentId,
        CaseId = caseId,
        Stage = stage,
        At = DateTimeOffset.UtcNow,
        Final = final,
    };

    [Fact]
    public async Task An_idle_feed_sends_a_heartbeat_each_interval_and_a_busy_one_sends_events_instead()
    {
        var feed = new ProgressFeed(redis.Connection, new StreamSignals(redis.Connection), Options.Create(new ProgressOptions()));
        var time = new FakeTimeProvider();
        var options = new ProgressStreamOptions();
        var (document, @case) = (Guid.NewGuid(), Guid.NewGuid());
        var events = feed.WatchAsync(ProgressKeys.Document(document), ProgressFeed.Beginning, Cancel);
        await using var stream = ProgressServerSentEvents.Create([Event(document, @case, "queued")], events, endAtFinal: true, options, time, Cancel).GetAsyncEnumerator(Cancel);

        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(ProgressServerSentEvents.StateEventType, stream.Current.EventType);
        Assert.Equal(options.ReconnectionInterval, stream.Current.ReconnectionInterval);

        var next = stream.MoveNextAsync().AsTask();
        time.Advance(options.HeartbeatInterval - TimeSpan.FromSeconds(1));
        await Task.Delay(200, Cancel);
        Assert.False(next.IsCompleted, "a heartbeat came before the interval was up");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        Assert.Equal(ProgressServerSentEvents.HeartbeatEventType, stream.Current.EventType);
        Assert.Null(stream.Current.EventId);

        next = stream.MoveNextAsync().AsTask();
        var id = await feed.AppendAsync(Event(document, @case, "extracting"), Cancel);
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        Assert.Equal(ProgressServerSentEvents.ProgressEventType, stream.Current.EventType);
        Assert.Equal(id, stream.Current.EventId);

        next = stream.MoveNextAsync().AsTask();
        time.Advance(options.HeartbeatInterval);
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        Assert.Equal(ProgressServerSentEvents.HeartbeatEventType, stream.Current.EventType);

        await feed.AppendAsync(Event(document, @case, "ready", final: true), Cancel);
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("ready", stream.Current.Data.Stage);
        Assert.False(await stream.MoveNextAsync(), "a document's feed ends after its final event");
    }
}
