using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Recipient).HasMaxLength(Limits.Email);
        builder.Property(m => m.Subject).HasMaxLength(400);
        builder.Property(m => m.Purpose).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.LockedBy).HasMaxLength(64);
        builder.Property(m => m.Sender).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        // What the worker looks for: unsent, not given up, due.
        builder.HasIndex(m => new { m.SentAt, m.FailedAt, m.NextAttemptAt });
        builder.HasIndex(m => new { m.RigId, m.CreatedAt });
        builder.HasIndex(m => new { m.Recipient, m.CreatedAt });
        builder.HasIndex(m => new { m.Sender, m.CreatedAt });
    }
}
