using Aspire.Hosting.Testing;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// The tenant query filter on the shared app's PostgreSQL, through the registration the API makes
/// (<c>AddLexIntelDbContext</c>, <c>AddTenantContext</c>): pooled contexts, one lease per scope,
/// the tenant resolved after the context as in a request, and queries that forget the tenant.
/// </summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class TenantGuardTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_context_bound_to_a_tenant_sees_nothing_of_another_tenant_where_a_query_forgets_the_tenant()
    {
        using var host = await ApiDataHostAsync();
        var (a, b) = await SeedTwoTenantsAsync(host);

        await using var scope = host.Services.CreateAsyncScope();
        var db = Lease(scope, tenant: a.TenantId);

        Assert.Null(await db.Documents.SingleOrDefaultAsync(d => d.Id == b.DocumentId, Cancel));
        Assert.Equal(1, await db.Cases.CountAsync(Cancel));
        Assert.Equal(1, await db.DocumentChunks.CountAsync(Cancel));
        Assert.Empty(await b.SeenByAsync(db, Cancel));
        Assert.Equal(a.All, await a.SeenByAsync(db, Cancel));
    }

    [Fact]
    public async Task A_context_in_a_scope_where_no_tenant_was_resolved_sees_every_tenant()
    {
        using var host = await ApiDataHostAsync();
        var (a, b) = await SeedTwoTenantsAsync(host);

        await using var scope = host.Services.CreateAsyncScope();
        var db = Lease(scope, tenant: null);

        Assert.Equal(a.All, await a.SeenByAsync(db, Cancel));
        Assert.Equal(b.All, await b.SeenByAsync(db, Cancel));
        Assert.True(await db.Cases.CountAsync(Cancel) >= 2);
    }

    [Fact]
    public async Task A_pooled_context_leased_again_keeps_nothing_of_the_tenant_it_served_before()
    {
        using var host = await ApiDataHostAsync();
        var (a, b) = await SeedTwoTenantsAsync(host);

        var leases = new List<DbContextId>();
        var seen = new List<List<string>>();
        foreach (var tenant in new Guid?[] { a.TenantId, b.TenantId, null })
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = Lease(scope, tenant);
            leases.Add(db.ContextId);
            seen.Add([.. await a.SeenByAsync(db, Cancel), .. await b.SeenByAsync(db, Cancel)]);
        }

        // One instance from the pool, leased three times in a row: for A, for B, for no tenant.
        Assert.Single(leases.Select(id => id.InstanceId).Distinct());
        Assert.Equal(3, leases.Select(id => id.Lease).Distinct().Count());
        Assert.Equal(a.All, seen[0]);
        Assert.Equal(b.All, seen[1]);
        Assert.Equal([.. a.All, .. b.All], seen[2]);
    }

    /// <summary>The context of <paramref name="scope"/>, resolved before the tenant is, as a request's handler parameters are before its endpoint filters run.</summary>
    private static LexIntelDbContext Lease(AsyncServiceScope scope, Guid? tenant)
    {
        var db = scope.ServiceProvider.GetRequiredService<LexIntelDbContext>();
        if (tenant is { } id)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(id, "member", isTenantAdmin: false);
        }

        return db;
    }

    private static async Task<(TenantRows A, TenantRows B)> SeedTwoTenantsAsync(IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LexIntelDbContext>();
        return (await TenantRows.SeedAsync(db, Cancel), await TenantRows.SeedAsync(db, Cancel));
    }

    private async Task<IHost> ApiDataHostAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{LexIntelDbContext.ConnectionName}"] = await fixture.App.GetConnectionStringAsync(LexIntelDbContext.ConnectionName, Cancel);
        builder.AddLexIntelDbContext();
        builder.Services.AddTenantContext();
        return builder.Build();
    }
}
