using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using LexIntel.ApiService.Search;
using LexIntel.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LexIntel.Tests.EndToEnd;

[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class FoundationTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_health_reports_database_redis_and_its_warm_up_search_healthy()
    {
        using var client = fixture.CreateAnonymousClient();

        using var response = await client.GetAsync("/health", Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"LexIntelDbContext\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"StackExchange.Redis\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains($"\"{SearchWarmup.Name}\":{{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_answers_its_own_probes_with_database_redis_and_consumers_healthy()
    {
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("worker", Cancel);
        using var client = fixture.App.CreateHttpClient("worker", "http");

        using var health = await client.GetAsync("/health", Cancel);
        var body = await health.Content.ReadAsStringAsync(Cancel);
        using var alive = await client.GetAsync("/alive", Cancel);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"LexIntelDbContext\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"StackExchange.Redis\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"consumers\":{\"status\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Database_has_the_vector_extension_and_every_migration_applied()
    {
        var connectionString = await fixture.App.GetConnectionStringAsync("lexintel", Cancel);
        await using var db = new LexIntelDbContext(
            new DbContextOptionsBuilder<LexIntelDbContext>().UseNpgsql(connectionString, o => o.UseVector()).Options);

        var applied = await db.Database.GetAppliedMigrationsAsync(Cancel);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), applied);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("SELECT extversion FROM pg_extension WHERE extname = 'vector'", connection);
        var version = await command.ExecuteScalarAsync(Cancel) as string;
        Assert.False(string.IsNullOrEmpty(version), "the vector extension is not installed in the lexintel database");

        await using var similarity = new NpgsqlCommand("SELECT '[1,0,0]'::vector <=> '[0,1,0]'::vector", connection);
        Assert.Equal(1.0, Convert.ToDouble(await similarity.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture), precision: 6);
    }

    [Fact]
    public async Task A_created_case_can_be_read_back_and_listed_by_its_tenant_only()
    {
        var tenant = Guid.NewGuid();
        using var client = await fixture.CreateTenantClientAsync(tenant);

        using var created = await client.PostAsJsonAsync("/api/cases", new { name = "  Smith v. Jones  " }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var @case = await created.Content.ReadFromJsonAsync<CaseDto>(Cancel);
        Assert.NotNull(@case);
        Assert.Equal("Smith v. Jones", @case.Name);
        Assert.Equal($"/api/cases/{@case.Id}", created.Headers.Location?.OriginalString);

        var fetched = await client.GetFromJsonAsync<CaseDto>($"/api/cases/{@case.Id}", Cancel);
        Assert.Equal(@case, fetched);

        using var otherTenant = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        using var hidden = await otherTenant.GetAsync($"/api/cases/{@case.Id}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("application/problem+json", hidden.Content.Headers.ContentType?.MediaType);
        var otherList = await otherTenant.GetFromJsonAsync<CasePageDto>("/api/cases", Cancel);
        Assert.DoesNotContain(otherList!.Items, c => c.Id == @case.Id);
    }

    [Fact]
    public async Task Case_list_pages_newest_first_with_a_cursor()
    {
        var tenant = Guid.NewGuid();
        using var client = await fixture.CreateTenantClientAsync(tenant);
        var names = new[] { "First", "Second", "Third" };
        foreach (var name in names)
        {
            (await client.PostAsJsonAsync("/api/cases", new { name }, Cancel)).EnsureSuccessStatusCode();
        }

        var page1 = await client.GetFromJsonAsync<CasePageDto>("/api/cases?limit=2", Cancel);
        Assert.Equal(["Third", "Second"], page1!.Items.Select(c => c.Name));
        Assert.NotNull(page1.NextCursor);

        var page2 = await client.GetFromJsonAsync<CasePageDto>($"/api/cases?limit=2&cursor={page1.NextCursor}", Cancel);
        Assert.Equal(["First"], page2!.Items.Select(c => c.Name));
        Assert.Null(page2.NextCursor);
    }

    [Theory]
    [InlineData("{\"name\":\"   \"}", "A case needs a name")]
    [InlineData("{\"name\":", "could not be read")]
    public async Task Bad_input_gets_a_problem_details_400_that_says_why(string json, string expectedDetail)
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());

        using var response = await client.PostAsync("/api/cases", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expectedDetail, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_paging_arguments_are_rejected()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());

        using var badLimit = await client.GetAsync("/api/cases?limit=0", Cancel);
        using var badCursor = await client.GetAsync("/api/cases?cursor=bm9wZQ", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
        Assert.Contains("cursor", await badCursor.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    private sealed record CaseDto(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int DocumentCount);

    private sealed record CasePageDto(List<CaseDto> Items, string? NextCursor);
}
