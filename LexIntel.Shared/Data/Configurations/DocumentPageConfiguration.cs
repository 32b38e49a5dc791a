using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LexIntel.Shared.Data.Configurations;

internal sealed class DocumentPageConfiguration : IEntityTypeConfiguration<DocumentPage>
{
    public void Configure(EntityTypeBuilder<DocumentPage> builder)
    {
        builder.HasKey(p => new { p.DocumentId, p.Number });
        builder.HasOne(p => p.Document).WithMany(d => d.Pages).HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.TenantId);
    }
}
