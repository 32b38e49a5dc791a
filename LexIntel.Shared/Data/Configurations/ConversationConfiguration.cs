using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LexIntel.Shared.Data.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.UserId).HasMaxLength(200);
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.HasOne(c => c.Case).WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);

        // A user's conversations of a case, newest first.
        builder.HasIndex(c => new { c.TenantId, c.CaseId, c.UserId, c.UpdatedAt });
    }
}
