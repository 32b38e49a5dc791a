using System.Runtime.CompilerServices;
using LexIntel.ApiService.Progress;
using LexIntel.Shared.Progress;
using Microsoft.Extensions.Time.Testing;

namespace LexIntel.Tests.Unit.Progress;

[Tier(TestTier.Unit)]
public sealed class ProgressStreamLifetimeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_feed_that_stays_open_ends_cleanly_at_its_maximum_lifetime()
    {
        var time = new FakeTimeProvider();
        var options = new ProgressStreamOptions();
        var state = new ProgressEvent { DocumentId = Guid.NewGuid(), CaseId = Guid.NewGuid(), Stage = "extracting", At = time.GetUtcNow() };
        using var client = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        await using var stream = ProgressServerSentEvents.Create([state], Silence(client.Token), endAtFinal: false, options, time, Stream.Null, CancellationToken.None, client.Token).GetAsyncEnumerator(client.Token);
        Assert.True(await stream.MoveNextAsync());

        var next = stream.MoveNextAsync().AsTask();
        time.Advance(options.MaxLifetime - TimeSpan.FromSeconds(1));
        await Task.Delay(200, Cancel);
        Assert.False(next.IsCompleted, "the feed ended before its lifetime was up");

        time.Advance(TimeSpan.FromSeconds(1));
        var ended = await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(10), Cancel)) == next;

        // The client leaves, so that a feed still open ends before it is disposed.
        await client.CancelAsync();
        var sent = await next.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        Assert.True(ended, "the feed was still open past its lifetime");
        Assert.False(sent, "the feed should end, not send an event");
    }

    [Fact]
    public async Task A_feed_whose_lifetime_ran_out_while_its_client_read_the_states_ends_instead_of_failing()
    {
        var time = new FakeTimeProvider();
        var options = new ProgressStreamOptions();
        var state = new ProgressEvent { DocumentId = Guid.NewGuid(), CaseId = Guid.NewGuid(), Stage = "extracting", At = time.GetUtcNow() };
        await using var stream = ProgressServerSentEvents.Create([state], Silence(Cancel), endAtFinal: false, options, time, Stream.Null, CancellationToken.None, Cancel).GetAsyncEnumerator(Cancel);
        Assert.True(await stream.MoveNextAsync());

        // The stream's reader is cancelled before it starts: its first read fails at once.
        time.Advance(options.MaxLifetime);

        Assert.False(await stream.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancel));
    }

    [Fact]
    public async Task A_feed_ends_cleanly_as_soon_as_the_server_stops_so_its_client_reconnects_elsewhere()
    {
        var time = new FakeTimeProvider();
        var state = new ProgressEvent { DocumentId = Guid.NewGuid(), CaseId = Guid.NewGuid(), Stage = "extracting", At = time.GetUtcNow() };
        using var stopping = new CancellationTokenSource();
        await using var stream = ProgressServerSentEvents.Create([state], Silence(Cancel), endAtFinal: false, new ProgressStreamOptions(), time, Stream.Null, stopping.Token, Cancel).GetAsyncEnumerator(Cancel);
        Assert.True(await stream.MoveNextAsync());
        var next = stream.MoveNextAsync().AsTask();
        await Task.Delay(200, Cancel);
        Assert.False(next.IsCompleted, "the feed ended before the server stopped");

        await stopping.CancelAsync();

        Assert.False(await next.WaitAsync(TimeSpan.FromSeconds(10), Cancel), "the feed should end, not send an event");
    }

    /// <summary>A case's feed with nothing happening: no event until the reader gives up.</summary>
    private static async IAsyncEnumerable<ProgressEntry> Silence([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield break;
    }
}
