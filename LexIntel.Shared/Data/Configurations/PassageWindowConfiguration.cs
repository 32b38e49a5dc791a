using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LexIntel.Shared.Data.Configurations;

internal sealed class PassageWindowConfiguration : IEntityTypeConfiguration<PassageWindow>
{
    public void Configure(EntityTypeBuilder<PassageWindow> builder)
    {
        builder.HasKey(w => new { w.ChunkId, w.Ordinal });
        builder.HasOne(w => w.Chunk).WithMany().HasForeignKey(w => w.ChunkId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(w => w.Embedding).HasColumnType($"vector({DocumentChunk.EmbeddingDimensions})");
        builder.HasIndex(w => w.Embedding)
            .HasMethod("hnsw")
            .HasOperators("vector_cosine_ops");
    }
}
