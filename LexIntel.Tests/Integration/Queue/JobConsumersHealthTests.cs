using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace LexIntel.Tests.Integration.Queue;

/// <summary>The worker's readiness as to its job consumers, on a real Redis.</summary>
[Collection(RedisCollection.Name)]
[Tier(TestTier.Integration)]
public sealed class JobConsumersHealthTests(RedisServer redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Consumers_are_ready_from_joining_their_group_until_shutdown()
    {
        var kind = QueueHost.NewKind();
        using var host = QueueHost.Create(redis, kind, new JobScript(), "c1");

        var before = await CheckAsync(host);
        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal("Starting", before.Data[kind]);

        await host.StartAsync(Cancel);
        await Eventually.HoldsAsync(async () => (await CheckAsync(host)).Status == HealthStatus.Healthy, Patience, "the consumer to join its group");
        Assert.Equal("Consuming", (await CheckAsync(host)).Data[kind]);
        Assert.True(await redis.Connection.GetDatabase().KeyExistsAsync(QueueKeys.Stream(kind)), "a ready consumer's group (and stream) exist");

        await host.StopAsync(Cancel);
        var after = await CheckAsync(host);
        Assert.Equal(HealthStatus.Unhealthy, after.Status);
        Assert.Equal("Stopped", after.Data[kind]);
    }

    [Fact]
    public async Task A_consumer_whose_reads_fail_is_not_ready_until_they_succeed_again()
    {
        var kind = QueueHost.NewKind();
        var db = redis.Connection.GetDatabase();
        using var host = QueueHost.Create(redis, kind, new JobScript(), "c1");
        await host.StartAsync(Cancel);
        await Eventually.HoldsAsync(async () => (await CheckAsync(host)).Status == HealthStatus.Healthy, Patience, "the consumer to join its group");

        // The stream's key overwritten by something else in one command (SET replaces a key of any
        // type; a delete first would let a read fail with NOGROUP in between): every read fails with WRONGTYPE.
        await db.StringSetAsync(QueueKeys.Stream(kind), "not a stream");
        await Eventually.HoldsAsync(async () => (await CheckAsync(host)).Status == HealthStatus.Unhealthy, Patience, "failing reads to make the consumer unready");
        var failing = await CheckAsync(host);
        Assert.StartsWith("Consuming, reads failing: WRONGTYPE", (string)failing.Data[kind], StringComparison.Ordinal);
        Assert.Contains(kind, failing.Description, StringComparison.Ordinal);

        await db.KeyDeleteAsync(QueueKeys.Stream(kind));
        await db.StreamCreateConsumerGroupAsync(QueueKeys.Stream(kind), QueueKeys.Group(kind), "0", createStream: true);
        await Eventually.HoldsAsync(async () => (await CheckAsync(host)).Status == HealthStatus.Healthy, Patience, "the consumer to read again");
        await host.StopAsync(Cancel);
    }

    private static async Task<HealthReportEntry> CheckAsync(IHost host)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Cancel);
        return report.Entries[JobConsumersHealthCheck.Name];
    }
}
