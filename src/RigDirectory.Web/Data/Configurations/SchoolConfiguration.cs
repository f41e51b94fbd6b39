using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Configurations;

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> builder)
    {
        builder.Property(s => s.Slug).HasMaxLength(Limits.Slug);
        builder.Property(s => s.Name).HasMaxLength(Limits.Name);
        builder.Property(s => s.Campus).HasMaxLength(Limits.Name);
        builder.Property(s => s.City).HasMaxLength(Limits.Name);
        builder.Property(s => s.JurisdictionCode).HasMaxLength(5);
        builder.Property(s => s.Website).HasMaxLength(Limits.Url);
        builder.Property(s => s.Synonyms).HasMaxLength(School.SynonymsLength);
        builder.Property(s => s.Country).HasConversion<string>().HasMaxLength(2);
        builder.Property(s => s.Degree).HasConversion<string>().HasMaxLength(2);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(s => s.DisplayName);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.HasIndex(s => new { s.Name, s.Campus });
        builder.HasIndex(s => new { s.JurisdictionCode, s.Status });
        builder.HasOne(s => s.Jurisdiction).WithMany().HasForeignKey(s => s.JurisdictionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
