using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Configurations;

public sealed class EmailQuotaEntryConfiguration : IEntityTypeConfiguration<EmailQuotaEntry>
{
    public void Configure(EntityTypeBuilder<EmailQuotaEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(e => e.Recipient).HasMaxLength(Limits.Email);
        builder.Property(e => e.Purpose).HasMaxLength(40);
        builder.HasIndex(e => new { e.RigId, e.SentAt });
        builder.HasIndex(e => new { e.Recipient, e.SentAt });
    }
}
