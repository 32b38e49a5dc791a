using System.Text.RegularExpressions;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.Tests.Unit.Data;

/// <summary>
/// The tenant query filter as a model and as SQL (built, never sent); that it hides another
/// tenant's rows from real queries is <c>TenantGuardTests</c>'.
/// </summary>
[Tier(TestTier.Unit)]
public sealed partial class TenantQueryFilterTests
{
    [Fact]
    public void Every_entity_but_the_outbox_has_the_tenant_filter()
    {
        using var db = Context(tenant: null);

        var unfiltered = db.Model.GetEntityTypes()
            .Where(type => !type.GetDeclaredQueryFilters().Any(filter => filter.Key == LexIntelDbContext.TenantFilter))
            .Select(type => type.ClrType);

        // Jobs carry their tenant in their payload, and only the outbox dispatcher reads them.
        Assert.Equal([typeof(OutboxMessage)], unfiltered);
    }

    [Fact]
    public void A_bound_query_compares_the_tenant_column_and_nothing_more()
    {
        using var db = Context(Guid.NewGuid());

        Assert.Matches(OnlyTheTenant(), db.Cases.ToQueryString());
        Assert.Matches(OnlyTheTenant(), db.Documents.ToQueryString());
        Assert.Matches(OnlyTheTenant(), db.ApiKeys.ToQueryString());
        Assert.DoesNotContain("IS NULL", db.DocumentChunks.ToQueryString());
        Assert.Contains("""FROM "Documents" """, db.DocumentChunks.ToQueryString());
    }

    [Fact]
    public void An_unbound_query_is_the_query_without_filters()
    {
        using var db = Context(tenant: null);

        Assert.Equal(db.Tenants.IgnoreQueryFilters().ToQueryString(), db.Tenants.ToQueryString());
        Assert.Equal(db.Cases.IgnoreQueryFilters().ToQueryString(), db.Cases.ToQueryString());
        Assert.Equal(db.CaseMembers.IgnoreQueryFilters().ToQueryString(), db.CaseMembers.ToQueryString());
        Assert.Equal(db.Documents.IgnoreQueryFilters().ToQueryString(), db.Documents.ToQueryString());
        Assert.Equal(db.DocumentChunks.IgnoreQueryFilters().ToQueryString(), db.DocumentChunks.ToQueryString());
        Assert.Equal(db.PassageWindows.IgnoreQueryFilters().ToQueryString(), db.PassageWindows.ToQueryString());
        Assert.Equal(db.Citations.IgnoreQueryFilters().ToQueryString(), db.Citations.ToQueryString());
        Assert.Equal(db.Conversations.IgnoreQueryFilters().ToQueryString(), db.Conversations.ToQueryString());
        Assert.Equal(db.ConversationTurns.IgnoreQueryFilters().ToQueryString(), db.ConversationTurns.ToQueryString());
        Assert.Equal(db.AuditEntries.IgnoreQueryFilters().ToQueryString(), db.AuditEntries.ToQueryString());
        Assert.Equal(db.ApiKeys.IgnoreQueryFilters().ToQueryString(), db.ApiKeys.ToQueryString());
    }

    [Fact]
    public void Code_that_must_cross_tenants_while_bound_names_the_filter_it_ignores()
    {
        using var db = Context(Guid.NewGuid());

        Assert.DoesNotContain("WHERE", db.Cases.IgnoreQueryFilters([LexIntelDbContext.TenantFilter]).ToQueryString());
    }

    private static LexIntelDbContext Context(Guid? tenant)
    {
        var scope = new TenantContext();
        if (tenant is { } id)
        {
            scope.Set(id, "user", isTenantAdmin: false);
        }

        return new LexIntelDbContext(new DbContextOptionsBuilder<LexIntelDbContext>().UseNpgsql("Host=unused", npgsql => npgsql.UseVector()).Options)
        {
            TenantScope = scope,
        };
    }

    [GeneratedRegex("""\nWHERE \w+\."TenantId" = @\w+$""")]
    private static partial Regex OnlyTheTenant();
}
