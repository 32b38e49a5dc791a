using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LexIntel.Shared.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Kind).HasMaxLength(50);
        builder.Property(m => m.Payload).HasColumnType("jsonb");

        // The dispatcher only ever looks for what is not dispatched yet.
        builder.HasIndex(m => m.CreatedAt).HasFilter("\"DispatchedAt\" IS NULL");
    }
}
