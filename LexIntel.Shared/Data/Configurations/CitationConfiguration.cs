using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LexIntel.Shared.Data.Configurations;

internal sealed class CitationConfiguration : IEntityTypeConfiguration<Citation>
{
    public void Configure(EntityTypeBuilder<Citation> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RawText).HasMaxLength(1000);
        builder.Property(c => c.Normalized).HasMaxLength(500);
        builder.Property(c => c.Reporter).HasMaxLength(100);
        builder.Property(c => c.Page).HasMaxLength(20);
        builder.Property(c => c.Title).HasMaxLength(100);
        builder.Property(c => c.Section).HasMaxLength(200);
        builder.Property(c => c.Pin).HasMaxLength(50);
        builder.Property(c => c.CaseName).HasMaxLength(300);
        builder.Property(c => c.Court).HasMaxLength(100);

        builder.HasOne(c => c.Document).WithMany(d => d.Citations).HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Chunk).WithMany().HasForeignKey(c => c.ChunkId).OnDelete(DeleteBehavior.SetNull);

        // The authorities table and "who cites X" both look citations up by their normalized form.
        builder.HasIndex(c => c.Normalized);
        builder.HasIndex(c => c.DocumentId);
    }
}
