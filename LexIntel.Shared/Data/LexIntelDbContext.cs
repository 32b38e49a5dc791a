using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.Shared.Data;

public sealed class LexIntelDbContext(DbContextOptions<LexIntelDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "lexintel";

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseMember> CaseMembers => Set<CaseMember>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentChunk> DocumentChunks => Set<DocumentChunk>();

    public DbSet<Citation> Citations => Set<Citation>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ConversationTurn> ConversationTurns => Set<ConversationTurn>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("vector");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LexIntelDbContext).Assembly);
    }
}
