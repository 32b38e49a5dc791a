using System.IO.Pipelines;
using System.Text;
using LexIntel.ApiService.Progress;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LexIntel.Tests.Integration.Progress;

[Collection(RedisCollection.Name)]
[Tier(TestTier.Integration)]
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
    public async Task An_idle_feed_writes_a_heartbeat_comment_each_interval_and_a_busy_one_sends_events_instead()
    {
        var feed = new ProgressFeed(redis.Connection, new StreamSignals(redis.Connection), Options.Create(new ProgressOptions()));
        var time = new FakeTimeProvider();
        var options = new ProgressStreamOptions();
        var (document, @case) = (Guid.NewGuid(), Guid.NewGuid());
        var wire = new Pipe();
        var events = feed.WatchAsync(ProgressKeys.Document(document), ProgressFeed.Beginning, Cancel);
        await using var stream = ProgressServerSentEvents.Create([Event(document, @case, "queued")], events, endAtFinal: true, options, time, wire.Writer.AsStream(), CancellationToken.None, Cancel).GetAsyncEnumerator(Cancel);

        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(ProgressServerSentEvents.StateEventType, stream.Current.EventType);
        Assert.Equal(options.ReconnectionInterval, stream.Current.ReconnectionInterval);

        var next = stream.MoveNextAsync().AsTask();
        time.Advance(options.HeartbeatInterval - TimeSpan.FromSeconds(1));
        await Task.Delay(200, Cancel);
        Assert.False(wire.Reader.TryRead(out _), "a heartbeat came before the interval was up");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(": heartbeat\n\n", await WrittenAsync(wire.Reader));
        Assert.False(next.IsCompleted, "a heartbeat is a comment on the wire, not an event");

        var id = await feed.AppendAsync(Event(document, @case, "extracting"), Cancel);
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        Assert.Equal(ProgressServerSentEvents.ProgressEventType, stream.Current.EventType);
        Assert.Equal(id, stream.Current.EventId);

        next = stream.MoveNextAsync().AsTask();
        time.Advance(options.HeartbeatInterval);
        Assert.Equal(": heartbeat\n\n", await WrittenAsync(wire.Reader));

        await feed.AppendAsync(Event(document, @case, "ready", final: true), Cancel);
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        Assert.Equal("ready", stream.Current.Data.Stage);
        Assert.False(await stream.MoveNextAsync(), "a document's feed ends after its final event");
    }

    /// <summary>What the feed wrote to the response since the last read, waiting for at least a heartbeat's worth.</summary>
    private static async Task<string> WrittenAsync(PipeReader wire)
    {
        var result = await wire.ReadAtLeastAsync(": heartbeat\n\n".Length, Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        var text = Encoding.UTF8.GetString(result.Buffer);
        wire.AdvanceTo(result.Buffer.End);
        return text;
    }
}
