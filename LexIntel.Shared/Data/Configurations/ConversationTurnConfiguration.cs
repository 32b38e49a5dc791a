using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LexIntel.Shared.Data.Configurations;

internal sealed class ConversationTurnConfiguration : IEntityTypeConfiguration<ConversationTurn>
{
    public void Configure(EntityTypeBuilder<ConversationTurn> builder)
    {
        builder.Property(t => t.Kind).HasMaxLength(20);
        builder.Property(t => t.ReferencesJson).HasColumnType("jsonb");
        builder.HasOne(t => t.Conversation).WithMany(c => c.Turns).HasForeignKey(t => t.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ConversationId, t.Ordinal }).IsUnique();
    }
}
