using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using StackExchange.Redis;

namespace LexIntel.Tests.EndToEnd;

[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class AdminApiTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient CreateAdminClient(string? key = LexIntelAppFactory.AdminKey)
    {
        var client = fixture.CreateApiClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Admin-Key", key);
        }

        return client;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task The_admin_api_refuses_requests_without_the_admin_key(string? key)
    {
        using var client = CreateAdminClient(key);

        using var response = await client.GetAsync("/api/admin/queues", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Queues_are_listed_with_their_depths()
    {
        using var client = CreateAdminClient();

        var queues = await client.GetFromJsonAsync<List<QueueStats>>("/api/admin/queues", Cancel);

        Assert.Equal(JobKinds.All, queues!.Select(q => q.Kind));
        Assert.All(queues!, q => Assert.True(q.Length >= 0 && q.Pending >= 0 && q.DeadLetters >= 0));
    }

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
