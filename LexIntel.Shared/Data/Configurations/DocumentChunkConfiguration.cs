using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LexIntel.Shared.Data.Configurations;

internal sealed class DocumentChunkConfiguration : IEntityTypeConfiguration<DocumentChunk>
{
    public void Configure(EntityTypeBuilder<DocumentChunk> builder)
    {
        builder.HasOne(c => c.Document).WithMany(d => d.Chunks).HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.DocumentId, c.Ordinal }).IsUnique();

        builder.Property(c => c.Embedding).HasColumnType($"vector({DocumentChunk.EmbeddingDimensions})");
        builder.HasIndex(c => c.Embedding)
            .HasMethod("hnsw")
            .HasOperators("vector_cosine_ops");

        // The text as written plus a copy with legal abbreviations closed up ("F. 3d" → "F.3d",
        // "U. S. C." → "U.S.C.") and "§" spelled "section" (the parser drops it), so a reporter or
        // code matches however it is spaced and "§ 1983" ranks the section above the year 1983;
        // queries get the same treatment (LegalText.ForFullTextSearch). Stored in the row, not in
        // TOAST (migration SearchVectorInline): a migration that rebuilds the column must keep that.
        builder.Property(c => c.SearchVector)
            .HasComputedColumnSql(
                """to_tsvector('english', "Text") || to_tsvector('english', regexp_replace(regexp_replace("Text", '([[:upper:]][[:alpha:]]{0,3}\.)\s+(?=[[:upper:]][[:alpha:]]{0,3}\.|[0-9]{1,2}(d|th|st|nd|rd)\M)', '\1', 'g'), '§+', ' section ', 'g'))""",
                stored: true);
        builder.HasIndex(c => c.SearchVector).HasMethod("GIN");
    }
}
