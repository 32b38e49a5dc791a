using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Search;
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

        // The text as written plus a copy shaped like queries (LegalText): legal abbreviations
        // closed up and "§" spelled "section" (the parser drops it), so a reporter or code matches
        // however it is spaced and "§ 1983" ranks the section above the year 1983. Stored in the
        // row, not in TOAST (migration SearchVectorInline): a migration that rebuilds the column
        // must keep that. The passage's context header (caption, section heading) is indexed with it.
        builder.Property(c => c.Context).HasDefaultValue(string.Empty);
        builder.Property(c => c.SearchVector)
            .HasComputedColumnSql(
                $"""to_tsvector('english', "Text") || to_tsvector('english', {LegalText.ForFullTextSearchSql("\"Text\"")}) || to_tsvector('english', {LegalText.ForFullTextSearchSql("\"Context\"")})""",
                stored: true);
        builder.HasIndex(c => c.SearchVector).HasMethod("GIN");
    }
}
