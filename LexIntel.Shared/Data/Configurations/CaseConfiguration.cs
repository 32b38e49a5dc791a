using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LexIntel.Shared.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(300);
        builder.HasOne(c => c.Tenant).WithMany(t => t.Cases).HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);

        // Cases are listed per tenant, newest first, with keyset paging.
        builder.HasIndex(c => new { c.TenantId, c.CreatedAt, c.Id });
    }
}
