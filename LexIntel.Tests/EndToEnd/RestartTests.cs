using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using LexIntel.ApiService.Identity;
using LexIntel.Tests.Infrastructure;
using StackExchange.Redis;

namespace LexIntel.Tests.EndToEnd;

/// <summary>Stopping the AppHost stops PostgreSQL and Redis cleanly, and a restart finds the data again.</summary>
[Tier(TestTier.EndToEnd)]
public sealed class RestartTests
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stopping_leaves_no_stale_postmaster_pid_and_a_restart_reuses_the_data()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var data = new ThrowawayDataDirectory();
        var tenant = Guid.NewGuid();
        var redisKey = $"lexintel:test:{Guid.NewGuid():N}";
        Guid caseId;

        await using (var first = await LexIntelAppFactory.StartAsync(data.Path, cancel))
        {
            await ApiClients.ProvisionTenantAsync(first, tenant, cancel);
            using var client = CreateClient(first, tenant);
            using var created = await client.PostAsJsonAsync("/api/cases", new { name = "Survives restarts" }, cancel);
            created.EnsureSuccessStatusCode();
            caseId = (await created.Content.ReadFromJsonAsync<CaseIdDto>(cancel))!.Id;

            await using var redis = await ConnectionMultiplexer.ConnectAsync((await first.GetConnectionStringAsync("redis", cancel))!);
            await redis.GetDatabase().StringSetAsync(redisKey, "kept");
        }

        var pidFile = Path.Combine(data.Path, "postgres", "postmaster.pid");
        var deadline = DateTime.UtcNow + ShutdownTimeout;
        while (File.Exists(pidFile) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, cancel);
        }

        Assert.False(File.Exists(pidFile), "PostgreSQL was not shut down cleanly: postmaster.pid is still there");

        await using var second = await LexIntelAppFactory.StartAsync(data.Path, cancel);
        using var secondClient = CreateClient(second, tenant);
        using var fetched = await secondClient.GetAsync($"/api/cases/{caseId}", cancel);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);

        await using var redisAgain = await ConnectionMultiplexer.ConnectAsync((await second.GetConnectionStringAsync("redis", cancel))!);
        Assert.Equal("kept", (string?)await redisAgain.GetDatabase().StringGetAsync(redisKey));
    }

    private static HttpClient CreateClient(DistributedApplication app, Guid tenant) =>
        ApiClients.Create(app, ApiClients.TokenFor("admin", tenant, Roles.TenantAdmin));

    private sealed record CaseIdDto(Guid Id);
}
