using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LexIntel.ApiService.ApiKeys;
using LexIntel.ApiService.Identity;

namespace LexIntel.Tests.EndToEnd;

/// <summary>Machine clients with keys a tenant admin creates, scopes and revokes.</summary>
[Tier(TestTier.EndToEnd)]
[Collection(LexIntelAppCollection.Name)]
public sealed class ApiKeyTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_scoped_to_one_case_reaches_that_case_only_and_is_shown_once()
    {
        var tenant = Guid.NewGuid();
        using var admin = await fixture.CreateTenantClientAsync(tenant);
        var scoped = await admin.CreateCaseAsync("Scoped", Cancel);
        var other = await admin.CreateCaseAsync("Other", Cancel);

        var created = await CreateKeyAsync(admin, new { name = "docketing robot", role = Roles.Member, caseIds = new[] { scoped } });
        using var robot = WithKey(created.Key);

        using var allowed = await robot.GetAsync($"/api/cases/{scoped}", Cancel);
        using var outside = await robot.GetAsync($"/api/cases/{other}", Cancel);
        var listed = await robot.GetFromJsonAsync<Page>("/api/cases", Cancel);
        using var keysByRobot = await robot.GetAsync("/api/keys", Cancel);
        var keys = (await admin.GetFromJsonAsync<List<ApiKeyResponse>>("/api/keys", Cancel))!;

        Assert.StartsWith($"lxk_{created.Details.Prefix}_", created.Key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal([scoped], listed!.Items.Select(c => c.Id));
        Assert.Equal(HttpStatusCode.Forbidden, keysByRobot.StatusCode);
        var key = Assert.Single(keys);
        Assert.Equal((created.Details.Id, "docketing robot", Roles.Member, "admin"), (key.Id, key.Name, key.Role, key.CreatedBy));
        Assert.NotNull(key.LastUsedAt);
        // The secret follows the prefix; it may itself hold an underscore (base64url).
        Assert.DoesNotContain(created.Key[$"lxk_{created.Details.Prefix}_".Length..], await admin.GetStringAsync("/api/keys", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_within_seconds()
    {
        using var admin = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var created = await CreateKeyAsync(admin, new { name = "soon revoked", role = Roles.TenantAdmin });
        using var robot = WithKey(created.Key);
        using var before = await robot.GetAsync("/api/cases", Cancel);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var revoked = await admin.DeleteAsync($"/api/keys/{created.Details.Id}", Cancel);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            await Task.Delay(200, Cancel);
            using var after = await robot.GetAsync("/api/cases", Cancel);
            status = after.StatusCode;
        }
        while (status == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(clock.Elapsed < ApiKeyValidator.CacheFor + TimeSpan.FromSeconds(3), $"the revoked key worked for {clock.Elapsed}");
    }

    [Fact]
    public async Task Only_a_tenant_admin_creates_keys_and_only_for_roles_of_the_tenant()
    {
        var tenant = Guid.NewGuid();
        using var admin = await fixture.CreateTenantClientAsync(tenant);
        using var member = await fixture.CreateTenantClientAsync(tenant, "member", Roles.Member);

        using var byMember = await member.PostAsJsonAsync("/api/keys", new { name = "mine", role = Roles.Member }, Cancel);
        using var asOperator = await admin.PostAsJsonAsync("/api/keys", new { name = "root", role = Roles.Operator }, Cancel);
        using var foreignCase = await admin.PostAsJsonAsync("/api/keys", new { name = "x", role = Roles.Member, caseIds = new[] { Guid.NewGuid() } }, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, asOperator.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreignCase.StatusCode);
    }

    private static async Task<CreatedApiKeyResponse> CreateKeyAsync(HttpClient admin, object request)
    {
        using var response = await admin.PostAsJsonAsync("/api/keys", request, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedApiKeyResponse>(Cancel))!;
    }

    private HttpClient WithKey(string key)
    {
        var client = fixture.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    private sealed record Page(List<Item> Items);

    private sealed record Item(Guid Id);
}
