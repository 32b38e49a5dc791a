using System.Linq.Expressions;
using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.Shared.Data;

public sealed class LexIntelDbContext(DbContextOptions<LexIntelDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "lexintel";

    /// <summary>
    /// The query filter, on every entity that belongs to a tenant, that hides other tenants' rows from
    /// a context bound to a tenant. Code that must see across tenants while bound names it:
    /// <c>IgnoreQueryFilters([TenantFilter])</c>.
    /// </summary>
    public const string TenantFilter = "tenant";

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseMember> CaseMembers => Set<CaseMember>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentChunk> DocumentChunks => Set<DocumentChunk>();

    public DbSet<PassageWindow> PassageWindows => Set<PassageWindow>();

    public DbSet<DocumentPage> DocumentPages => Set<DocumentPage>();

    public DbSet<Citation> Citations => Set<Citation>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ConversationTurn> ConversationTurns => Set<ConversationTurn>();

    /// <summary>
    /// Whose rows this context's queries see. Its tenant is read by each query, not when it is set:
    /// a request's context is resolved before the request's tenant is known. Set on every lease of a
    /// pooled context (<see cref="DataServiceCollectionExtensions.AddLexIntelDbContext"/>); null, or a
    /// scope with no tenant, sees every tenant's rows.
    /// </summary>
    public ITenantScope? TenantScope { get; internal set; }

    /// <summary>What the filters compare with: EF Core reads it from the querying context into a parameter of each query.</summary>
    private Guid? BoundTenantId => TenantScope?.TenantId;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("vector");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LexIntelDbContext).Assembly);
        ConfineToTenant(modelBuilder);
    }

    /// <summary>
    /// The tenant guard beneath the API's own checks: a bound context does not see another tenant's
    /// rows even where a query forgets to say whose it wants. What has no tenant id of its own is
    /// seen only when its owner is (the owner's filter applies inside). Raw SQL is not filtered: it
    /// names the tenant itself.
    /// </summary>
    private void ConfineToTenant(ModelBuilder modelBuilder)
    {
        Confine<Tenant>(modelBuilder, t => t.Id == BoundTenantId);
        Confine<Case>(modelBuilder, c => c.TenantId == BoundTenantId);
        Confine<Document>(modelBuilder, d => d.TenantId == BoundTenantId);
        Confine<DocumentPage>(modelBuilder, p => p.TenantId == BoundTenantId);
        Confine<Conversation>(modelBuilder, c => c.TenantId == BoundTenantId);
        Confine<AuditEntry>(modelBuilder, e => e.TenantId == BoundTenantId);
        Confine<ApiKey>(modelBuilder, k => k.TenantId == BoundTenantId);
        Confine<CaseMember>(modelBuilder, m => Cases.Any(c => c.Id == m.CaseId));
        Confine<DocumentChunk>(modelBuilder, c => Documents.Any(d => d.Id == c.DocumentId));
        Confine<PassageWindow>(modelBuilder, w => DocumentChunks.Any(c => c.Id == w.ChunkId));
        Confine<Citation>(modelBuilder, c => Documents.Any(d => d.Id == c.DocumentId));
        Confine<ConversationTurn>(modelBuilder, t => Conversations.Any(c => c.Id == t.ConversationId));
    }

    /// <summary>The <see cref="TenantFilter"/> of <typeparamref name="TEntity"/>: <paramref name="ofBoundTenant"/>, unless the context is unbound.</summary>
    /// <remarks>
    /// <c>EF.Parameter</c> keeps the null test in the SQL tree as <c>@p IS NULL</c>, which EF Core
    /// settles per parameter value: a bound query compares the tenant and nothing more, an unbound
    /// one has no condition at all. Without it the test is evaluated into a boolean parameter that
    /// every query would carry, <c>(@b OR "TenantId" = @p)</c>.
    /// </remarks>
    private void Confine<TEntity>(ModelBuilder modelBuilder, Expression<Func<TEntity, bool>> ofBoundTenant)
        where TEntity : class
    {
        Expression<Func<bool>> unbound = () => EF.Parameter(BoundTenantId) == null;
        modelBuilder.Entity<TEntity>().HasQueryFilter(
            TenantFilter,
            Expression.Lambda<Func<TEntity, bool>>(Expression.OrElse(unbound.Body, ofBoundTenant.Body), ofBoundTenant.Parameters));
    }
}
