using System.Globalization;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LexIntel.Tests.Integration.Queue;

[Collection(RedisCollection.Name)]
[Tier(TestTier.Integration)]
public sealed class ProgressFeedTests(RedisServer redis)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ProgressFeed CreateFeed() =>
        new(redis.Connection, new StreamSignals(redis.Connection), Options.Create(new ProgressOptions { PollInterval = TimeSpan.FromSeconds(30) }));

    private static ProgressEvent Event(Guid documentId, Guid caseId, int percent, bool final = false, int run = 0) => new()
    {
        DocumentId = documentId,
        CaseId = caseId,
        Run = run,
        Stage = final ? "ready" : "extracting",
        Percent = percent,
        Message = $"step {percent}",
        At = DateTimeOffset.UtcNow,
        Final = final,
    };

    [Fact]
    public async Task A_reader_resuming_from_its_cursor_gets_exactly_the_events_it_missed_in_order()
    {
        var feed = CreateFeed();
        var (doc, @case) = (Guid.NewGuid(), Guid.NewGuid());
        for (var i = 0; i < 5; i++)
        {
            await feed.AppendAsync(Event(doc, @case, i * 10), Cancel);
        }

        var firstRead = await feed.ReadAsync(ProgressKeys.Document(doc), ProgressFeed.Beginning, count: 2);
        Assert.Equal([0, 10], firstRead.Select(e => e.Event.Percent));
        var cursor = firstRead[^1].Id;

        for (var i = 5; i < 8; i++)
        {
            await feed.AppendAsync(Event(doc, @case, i * 10), Cancel);
        }

        var resumed = await feed.ReadAsync(ProgressKeys.Document(doc), cursor);
        Assert.Equal([20, 30, 40, 50, 60, 70], resumed.Select(e => e.Event.Percent));
        Assert.Equal(resumed.Count, resumed.Select(e => e.Id).Distinct().Count());

        var caseFeed = await feed.ReadAsync(ProgressKeys.Case(@case));
        Assert.Equal(8, caseFeed.Count);
    }

    [Fact]
    public async Task Watching_replays_from_the_cursor_then_delivers_live_events_without_waiting_for_a_poll()
    {
        var feed = CreateFeed();
        var (doc, @case) = (Guid.NewGuid(), Guid.NewGuid());
        var firstId = await feed.AppendAsync(Event(doc, @case, 10), Cancel);
        await feed.AppendAsync(Event(doc, @case, 20), Cancel);

        using var watching = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        watching.CancelAfter(TimeSpan.FromSeconds(10));
        var seen = new List<ProgressEntry>();
        var reader = Task.Run(
            async () =>
            {
                await foreach (var entry in feed.WatchAsync(ProgressKeys.Document(doc), firstId, watching.Token))
                {
                    seen.Add(entry);
                    if (entry.Event.Final)
                    {
                        break;
                    }
                }
            },
            Cancel);

        await Eventually.HoldsAsync(() => seen.Count == 1, TimeSpan.FromSeconds(5), "the replayed event");
        var started = DateTime.UtcNow;
        await feed.AppendAsync(Event(doc, @case, 100, final: true), Cancel);
        await reader.WaitAsync(TimeSpan.FromSeconds(5), Cancel);

        // The poll interval is 30 s: arriving sooner proves the append's notification woke the reader.
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2));
        Assert.Equal([20, 100], seen.Select(e => e.Event.Percent));
        Assert.True(seen[^1].Event.Final);
    }

    [Fact]
    public async Task Many_watchers_woken_by_one_append_share_their_reads()
    {
        const int Watchers = 200;
        var feed = CreateFeed();
        var (doc, @case) = (Guid.NewGuid(), Guid.NewGuid());
        await feed.AppendAsync(Event(doc, @case, 10), Cancel);

        using var watching = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        watching.CancelAfter(TimeSpan.FromSeconds(30));
        var received = new int[Watchers];
        var readers = Enumerable.Range(0, Watchers).Select(i => Task.Run(
            async () =>
            {
                await foreach (var entry in feed.WatchAsync(ProgressKeys.Case(@case), ProgressFeed.Beginning, watching.Token))
                {
                    Interlocked.Increment(ref received[i]);
                    if (entry.Event.Final)
                    {
                        break;
                    }
                }
            },
            Cancel)).ToList();
        await Eventually.HoldsAsync(() => received.All(n => n == 1), TimeSpan.FromSeconds(10), "every watcher's first event");

        // Once every watcher is waiting again, a single append is what wakes them.
        await Task.Delay(200, Cancel);
        await using var admin = await ConnectionMultiplexer.ConnectAsync($"{redis.ConnectionString},allowAdmin=true");
        var before = await XreadCallsAsync(admin);
        await feed.AppendAsync(Event(doc, @case, 100, final: true), Cancel);
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        var reads = await XreadCallsAsync(admin) - before;

        Assert.All(received, n => Assert.Equal(2, n));

        // Each watcher reading on its own would be 200 reads (and was, when a shared read only
        // served watchers woken before it started).
        Assert.InRange(reads, 1, Watchers / 10);
    }

    [Fact]
    public async Task A_runs_final_event_is_appended_once_however_often_it_is_sent()
    {
        var feed = CreateFeed();
        var (doc, @case) = (Guid.NewGuid(), Guid.NewGuid());
        await feed.AppendAsync(Event(doc, @case, 50, run: 1), Cancel);
        var first = await feed.AppendAsync(Event(doc, @case, 100, final: true, run: 1), Cancel);
        var again = await feed.AppendAsync(Event(doc, @case, 100, final: true, run: 1), Cancel);

        Assert.Equal(first, again);
        Assert.Equal([false, true], (await feed.ReadAsync(ProgressKeys.Document(doc))).Select(e => e.Event.Final));
        Assert.Equal(2, (await feed.ReadAsync(ProgressKeys.Case(@case))).Count);

        // A reprocess's run ends with its own final event, even when its earlier events were lost.
        await feed.AppendAsync(Event(doc, @case, 100, final: true, run: 2), Cancel);
        var events = await feed.ReadAsync(ProgressKeys.Document(doc));
        Assert.Equal([1, 1, 2], events.Select(e => e.Event.Run));

        // An event that names no run is always appended.
        await feed.AppendAsync(Event(doc, @case, 100, final: true), Cancel);
        await feed.AppendAsync(Event(doc, @case, 100, final: true), Cancel);
        Assert.Equal(5, (await feed.ReadAsync(ProgressKeys.Case(@case))).Count);
    }

    private static async Task<long> XreadCallsAsync(ConnectionMultiplexer admin)
    {
        var stats = await admin.GetServer(admin.GetEndPoints()[0]).InfoAsync("commandstats");
        var xread = stats.SelectMany(g => g).Single(kv => kv.Key == "cmdstat_xread").Value;
        return long.Parse(xread.Split(',')[0]["calls=".Length..], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Feeds_are_capped_and_a_finished_document_feed_expires()
    {
        var feed = new ProgressFeed(
            redis.Connection,
            new StreamSignals(redis.Connection),
            Options.Create(new ProgressOptions { DocumentStreamMaxLength = 10, DocumentStreamExpiry = TimeSpan.FromMinutes(5) }));
        var (doc, @case) = (Guid.NewGuid(), Guid.NewGuid());
        for (var i = 0; i < 500; i++)
        {
            await feed.AppendAsync(Event(doc, @case, i % 100), Cancel);
        }

        await feed.AppendAsync(Event(doc, @case, 100, final: true), Cancel);
        var db = redis.Connection.GetDatabase();

        Assert.InRange(await db.StreamLengthAsync(ProgressKeys.Document(doc)), 10, 200);
        var ttl = await db.KeyTimeToLiveAsync(ProgressKeys.Document(doc));
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }
}
