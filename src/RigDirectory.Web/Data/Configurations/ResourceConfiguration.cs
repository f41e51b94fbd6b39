using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Configurations;

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.Property(r => r.Slug).HasMaxLength(Limits.Slug);
        builder.Property(r => r.Title).HasMaxLength(Limits.Name);
        builder.Property(r => r.Summary).HasMaxLength(Resource.SummaryLength);
        builder.Property(r => r.Body).HasMaxLength(Resource.BodyLength);
        builder.Property(r => r.Tags).HasMaxLength(Resource.TagsLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Audience).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.HasMany(r => r.Revisions).WithOne(v => v.Resource).HasForeignKey(v => v.ResourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Attachments).WithOne(a => a.Resource).HasForeignKey(a => a.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResourceRevisionConfiguration : IEntityTypeConfiguration<ResourceRevision>
{
    public void Configure(EntityTypeBuilder<ResourceRevision> builder)
    {
        builder.Property(v => v.Title).HasMaxLength(Limits.Name);
        builder.Property(v => v.Summary).HasMaxLength(Resource.SummaryLength);
        builder.Property(v => v.Body).HasMaxLength(Resource.BodyLength);
        builder.Property(v => v.Tags).HasMaxLength(Resource.TagsLength);
        builder.Property(v => v.ReplacedBy).HasMaxLength(Limits.Name);
        builder.HasIndex(v => new { v.ResourceId, v.Number }).IsUnique();
    }
}

internal sealed class ResourceAttachmentConfiguration : IEntityTypeConfiguration<ResourceAttachment>
{
    public void Configure(EntityTypeBuilder<ResourceAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(Limits.Name);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.StoredName).HasMaxLength(64);
        builder.HasIndex(a => a.StoredName).IsUnique();
    }
}
