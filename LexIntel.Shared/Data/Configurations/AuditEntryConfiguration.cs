using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LexIntel.Shared.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(200);
        builder.Property(e => e.Action).HasMaxLength(50);
        builder.Property(e => e.Detail).HasMaxLength(500);

        // Read per tenant, newest first with keyset paging, often for one case.
        builder.HasIndex(e => new { e.TenantId, e.CreatedAt, e.Id });
        builder.HasIndex(e => new { e.TenantId, e.CaseId, e.CreatedAt });
    }
}
