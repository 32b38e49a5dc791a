using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using LexIntel.ApiService.Admin;
using LexIntel.ApiService.Identity;
using LexIntel.Shared.Data;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace LexIntel.Tests.EndToEnd;

[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class AdminApiTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient CreateAdminClient() => ApiClients.Operator(fixture.App);

    [Fact]
    public async Task The_admin_api_is_for_operators_only_not_for_a_tenants_admin()
    {
        using var anonymous = fixture.CreateAnonymousClient();
        using var tenantAdmin = await fixture.CreateTenantClientAsync(Guid.NewGuid());

        using var unauthenticated = await anonymous.GetAsync("/api/admin/queues", Cancel);
        using var forbidden = await tenantAdmin.GetAsync("/api/admin/queues", Cancel);
        using var provisioning = await tenantAdmin.PutAsJsonAsync($"/api/admin/tenants/{Guid.NewGuid()}", new { name = "self-made" }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal("application/problem+json", unauthenticated.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, provisioning.StatusCode);
    }

    [Fact]
    public async Task An_operator_provisions_a_tenant_which_then_may_create_cases()
    {
        var tenant = Guid.NewGuid();
        using var operatorClient = CreateAdminClient();
        using var user = ApiClients.Create(fixture.App, ApiClients.TokenFor("first-user", tenant, Roles.TenantAdmin));

        using var beforeProvisioning = await user.PostAsJsonAsync("/api/cases", new { name = "Too early" }, Cancel);
        using var created = await operatorClient.PutAsJsonAsync($"/api/admin/tenants/{tenant}", new { name = "Smith & Partners" }, Cancel);
        using var renamed = await operatorClient.PutAsJsonAsync($"/api/admin/tenants/{tenant}", new { name = "Smith Partners LLP" }, Cancel);
        using var afterProvisioning = await user.PostAsJsonAsync("/api/cases", new { name = "In time" }, Cancel);
        var tenants = await operatorClient.GetFromJsonAsync<List<TenantResponse>>("/api/admin/tenants", Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, beforeProvisioning.StatusCode);
        Assert.Contains("not provisioned", await beforeProvisioning.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afterProvisioning.StatusCode);
        var listed = Assert.Single(tenants!, t => t.Id == tenant);
        Assert.Equal(("Smith Partners LLP", 1), (listed.Name, listed.CaseCount));
    }

    [Fact]
    public async Task Queues_are_listed_with_their_depths()
    {
        const string Holder = "admin-depths-test";
        var (extract, extractGroup) = (QueueKeys.Stream(JobKinds.Extract), QueueKeys.Group(JobKinds.Extract));
        var (delayed, dead) = (QueueKeys.Delayed(JobKinds.Embed), QueueKeys.Dead(JobKinds.Embed));
        await using var redis = await ConnectionMultiplexer.ConnectAsync((await fixture.App.GetConnectionStringAsync("redis", Cancel))!);
        var db = redis.GetDatabase();
        using var client = CreateAdminClient();
        var idle = await WaitUntilIdleAsync(client);
        var (extractIdle, embedIdle) = (idle.Single(q => q.Kind == JobKinds.Extract), idle.Single(q => q.Kind == JobKinds.Embed));
        RedisValue[] retries = [DelayedRetry(), DelayedRetry()];
        StreamEntry[] held = [];
        var deadId = RedisValue.Null;
        try
        {
            // Added and read in one transaction, so the app's worker cannot take them first: three
            // jobs delivered to a consumer that is not running them.
            var transaction = db.CreateTransaction();
            for (var i = 0; i < 3; i++)
            {
                _ = transaction.StreamAddAsync(extract, JobFields(JobKinds.Extract));
            }

            var read = transaction.StreamReadGroupAsync(extract, extractGroup, Holder, StreamPosition.NewMessages, 3);
            Assert.True(await transaction.ExecuteAsync());
            held = await read;
            var inAnHour = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
            await db.SortedSetAddAsync(delayed, [.. retries.Select(r => new SortedSetEntry(r, inAnHour))]);
            deadId = await db.StreamAddAsync(dead, JobFields(JobKinds.Embed));

            var queues = await client.GetFromJsonAsync<List<QueueStats>>("/api/admin/queues", Cancel);

            Assert.Equal(
                [
                    new QueueStats(JobKinds.Extract, Length: 3, Pending: 3, Lag: 0, Delayed: 0, DeadLetters: extractIdle.DeadLetters, Consumers: extractIdle.Consumers + 1),
                    new QueueStats(JobKinds.Embed, Length: 0, Pending: 0, Lag: 0, Delayed: 2, DeadLetters: embedIdle.DeadLetters + 1, Consumers: embedIdle.Consumers),
                ],
                queues);
        }
        finally
        {
            // The app is shared: the later tests find its queues as they were.
            if (held.Length > 0)
            {
                var ids = held.Select(e => e.Id).ToArray();
                await db.StreamAcknowledgeAsync(extract, extractGroup, ids);
                await db.StreamDeleteAsync(extract, ids);
            }

            await db.StreamDeleteConsumerAsync(extract, extractGroup, Holder);
            await db.SortedSetRemoveAsync(delayed, retries);
            if (!deadId.IsNull)
            {
                await db.StreamDeleteAsync(dead, [deadId]);
            }
        }
    }

    /// <summary>
    /// Waits out the jobs of earlier tests' documents, so every depth past this point is the
    /// caller's own. Only uploads write the outbox, and the tests of the app run one at a time:
    /// once it is drained, nothing new reaches the queues.
    /// </summary>
    private async Task<List<QueueStats>> WaitUntilIdleAsync(HttpClient client)
    {
        await using var db = await fixture.OpenDatabaseAsync();
        List<QueueStats> queues = [];
        await Eventually.HoldsAsync(
            async () =>
            {
                if (await db.OutboxMessages.AnyAsync(m => m.DispatchedAt == null, Cancel))
                {
                    return false;
                }

                queues = (await client.GetFromJsonAsync<List<QueueStats>>("/api/admin/queues", Cancel))!;
                return queues.All(q => q is { Length: 0, Pending: 0, Delayed: 0 });
            },
            TimeSpan.FromMinutes(2),
            "the jobs of earlier tests to finish");
        return queues;
    }

    /// <summary>A retry waiting in the delayed set: its job's fields as a flat JSON list, as the consumer writes it.</summary>
    private static RedisValue DelayedRetry() =>
        JsonSerializer.Serialize(JobFields(JobKinds.Embed).SelectMany(f => new[] { f.Name.ToString(), f.Value.ToString() }));

    private static NameValueEntry[] JobFields(string kind) =>
    [
        new("v", 1), new("kind", kind), new("key", $"{kind}:{Guid.NewGuid()}:1"), new("tenant", Guid.NewGuid().ToString()),
        new("case", Guid.NewGuid().ToString()), new("doc", Guid.NewGuid().ToString()), new("run", 1), new("attempt", 1),
        new("enqueuedAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)), new("traceparent", string.Empty), new("tracestate", string.Empty),
    ];

    [Fact]
    public async Task A_dead_letter_is_listed_and_can_be_requeued_once()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync((await fixture.App.GetConnectionStringAsync("redis", Cancel))!);
        var documentId = Guid.NewGuid();
        var deadId = await redis.GetDatabase().StreamAddAsync(QueueKeys.Dead(JobKinds.Embed),
        [
            new("v", 1), new("kind", JobKinds.Embed), new("key", $"embed:{documentId}:1"), new("tenant", Guid.NewGuid().ToString()),
            new("case", Guid.NewGuid().ToString()), new("doc", documentId.ToString()), new("run", 1), new("attempt", 5),
            new("enqueuedAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)), new("traceparent", string.Empty), new("tracestate", string.Empty),
            new("errorCode", "dead_lettered"), new("error", "Gave up after 5 attempts: timeout"), new("permanent", 0),
            new("failedAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)),
        ]);
        using var client = CreateAdminClient();

        var dead = await client.GetFromJsonAsync<List<DeadLetter>>("/api/admin/queues/embed/dead", Cancel);
        var listed = Assert.Single(dead!, d => d.Id == deadId.ToString());
        Assert.Equal(documentId, listed.DocumentId);
        Assert.Equal(5, listed.Attempts);
        Assert.Contains("timeout", listed.Error, StringComparison.Ordinal);

        using var requeued = await client.PostAsync($"/api/admin/queues/embed/dead/{deadId}/requeue", null, Cancel);
        using var again = await client.PostAsync($"/api/admin/queues/embed/dead/{deadId}/requeue", null, Cancel);
        using var unknown = await client.GetAsync("/api/admin/queues/nope/dead", Cancel);

        Assert.Equal(HttpStatusCode.Accepted, requeued.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("extract, embed", await unknown.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
