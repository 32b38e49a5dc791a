using System.Security.Cryptography;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.Tests.EndToEnd;

/// <summary>A tenant of its own with a row of every entity that belongs to a tenant, to look for with a context bound to a tenant or not.</summary>
public sealed record TenantRows(Guid TenantId, Guid CaseId, Guid DocumentId, Guid ChunkId, Guid CitationId, Guid ConversationId, Guid TurnId, Guid AuditEntryId, Guid ApiKeyId)
{
    private static readonly string[] Entities =
        ["tenant", "case", "case member", "document", "page", "chunk", "citation", "conversation", "turn", "audit entry", "api key"];

    /// <summary>Every row, as <see cref="SeenByAsync"/> names them.</summary>
    public IReadOnlyList<string> All => [.. Entities.Select(Name)];

    public static async Task<TenantRows> SeedAsync(LexIntelDbContext db, CancellationToken cancellationToken)
    {
        var rows = new TenantRows(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = PostgresTime.Truncate(DateTimeOffset.UtcNow);
        const string Text = "As held in Roe v. Wade, 410 U.S. 113 (1973).";
        db.Tenants.Add(new Tenant { Id = rows.TenantId, Name = $"tenant {rows.TenantId}", CreatedAt = now });
        db.Cases.Add(new Case { Id = rows.CaseId, TenantId = rows.TenantId, Name = "Guarded", CreatedAt = now, UpdatedAt = now });
        db.CaseMembers.Add(new CaseMember { CaseId = rows.CaseId, UserId = "member", Access = CaseAccess.Viewer, UpdatedAt = now });
        db.Documents.Add(new Document
        {
            Id = rows.DocumentId, TenantId = rows.TenantId, CaseId = rows.CaseId, OriginalFileName = "brief.txt", ContentType = "text/plain",
            SizeBytes = Text.Length, Sha256 = new string('a', 64), StorageKey = "k", Status = ProcessingStatus.Ready, RunNumber = 1,
            CreatedAt = now, UpdatedAt = now,
        });
        db.DocumentPages.Add(new DocumentPage { TenantId = rows.TenantId, DocumentId = rows.DocumentId, Number = 1, Furniture = ["Case 1:16-cv-01234-ABC Document 40 Filed 03/16/22 Page 1 of 1"] });
        db.DocumentChunks.Add(new DocumentChunk { Id = rows.ChunkId, DocumentId = rows.DocumentId, Text = Text, PageStart = 1, PageEnd = 1, CharEnd = Text.Length });
        db.Citations.Add(new Citation
        {
            Id = rows.CitationId, DocumentId = rows.DocumentId, ChunkId = rows.ChunkId, Kind = CitationKind.Case,
            RawText = "410 U.S. 113", Normalized = "410 U.S. 113", SpanStart = 29, SpanEnd = 41,
        });
        db.Conversations.Add(new Conversation { Id = rows.ConversationId, TenantId = rows.TenantId, CaseId = rows.CaseId, UserId = "member", Title = "Roe", CreatedAt = now, UpdatedAt = now });
        db.ConversationTurns.Add(new ConversationTurn
        {
            Id = rows.TurnId, ConversationId = rows.ConversationId, Ordinal = 1, Question = "Which case?", Answer = "Roe v. Wade.",
            Kind = "extractive", ReferencesJson = "[]", CreatedAt = now,
        });
        db.AuditEntries.Add(new AuditEntry { Id = rows.AuditEntryId, TenantId = rows.TenantId, CreatedAt = now, UserId = "member", Action = "case.create", CaseId = rows.CaseId });
        db.ApiKeys.Add(new ApiKey
        {
            Id = rows.ApiKeyId, TenantId = rows.TenantId, Name = "guard", Prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            SecretHash = SHA256.HashData(rows.ApiKeyId.ToByteArray()), Role = "member", CreatedBy = "admin", CreatedAt = now, ExpiresAt = now.AddDays(1),
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return rows;
    }

    /// <summary>The rows <paramref name="db"/> finds, each looked up by its key alone, as a query that forgets the tenant would.</summary>
    public async Task<List<string>> SeenByAsync(LexIntelDbContext db, CancellationToken cancellationToken)
    {
        bool[] found =
        [
            await db.Tenants.AnyAsync(t => t.Id == TenantId, cancellationToken),
            await db.Cases.AnyAsync(c => c.Id == CaseId, cancellationToken),
            await db.CaseMembers.AnyAsync(m => m.CaseId == CaseId, cancellationToken),
            await db.Documents.AnyAsync(d => d.Id == DocumentId, cancellationToken),
            await db.DocumentPages.AnyAsync(p => p.DocumentId == DocumentId, cancellationToken),
            await db.DocumentChunks.AnyAsync(c => c.Id == ChunkId, cancellationToken),
            await db.Citations.AnyAsync(c => c.Id == CitationId, cancellationToken),
            await db.Conversations.AnyAsync(c => c.Id == ConversationId, cancellationToken),
            await db.ConversationTurns.AnyAsync(t => t.Id == TurnId, cancellationToken),
            await db.AuditEntries.AnyAsync(e => e.Id == AuditEntryId, cancellationToken),
            await db.ApiKeys.AnyAsync(k => k.Id == ApiKeyId, cancellationToken),
        ];
        return [.. Entities.Where((_, i) => found[i]).Select(Name)];
    }

    private string Name(string entity) => $"{entity} of {TenantId}";
}
