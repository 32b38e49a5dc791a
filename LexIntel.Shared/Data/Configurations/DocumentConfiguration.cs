using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LexIntel.Shared.Data.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.Property(d => d.OriginalFileName).HasMaxLength(500);
        builder.Property(d => d.ContentType).HasMaxLength(200);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.StorageKey).HasMaxLength(500);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.FailureCode).HasMaxLength(50);
        builder.Property(d => d.FailureReason).HasMaxLength(2000);
        builder.Property(d => d.RunNumber).IsConcurrencyToken();
        builder.Property(d => d.DocketNumber).HasMaxLength(50);

        builder.HasOne(d => d.Case).WithMany(c => c.Documents).HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Document>().WithMany().HasForeignKey(d => d.ParentDocumentId).OnDelete(DeleteBehavior.SetNull);

        // The same bytes uploaded twice to one case are one document.
        builder.HasIndex(d => new { d.CaseId, d.Sha256 }).IsUnique();
        builder.HasIndex(d => new { d.TenantId, d.CaseId, d.Status });

        // Filings of one docket, found by the number their stamps carry.
        builder.HasIndex(d => new { d.TenantId, d.DocketNumber });
    }
}
