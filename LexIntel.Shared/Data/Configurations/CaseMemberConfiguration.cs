using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LexIntel.Shared.Data.Configurations;

internal sealed class CaseMemberConfiguration : IEntityTypeConfiguration<CaseMember>
{
    public void Configure(EntityTypeBuilder<CaseMember> builder)
    {
        builder.HasKey(m => new { m.CaseId, m.UserId });
        builder.Property(m => m.UserId).HasMaxLength(200);
        builder.Property(m => m.Access).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(m => m.Case).WithMany(c => c.Members).HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);

        // Which cases a user is on or screened from, for every tenant-wide list and search.
        builder.HasIndex(m => new { m.UserId, m.CaseId });
    }
}
