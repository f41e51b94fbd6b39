using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Slug).HasMaxLength(Limits.Slug);
        builder.Property(r => r.Name).HasMaxLength(Limits.Name);
        builder.Property(r => r.Description).HasMaxLength(Limits.LongText);
        builder.Property(r => r.Country).HasConversion<string>().HasMaxLength(2);
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.HasMany(r => r.Jurisdictions).WithOne(j => j.Region).HasForeignKey(j => j.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Contacts).WithOne(c => c.Region).HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JurisdictionConfiguration : IEntityTypeConfiguration<Jurisdiction>
{
    public void Configure(EntityTypeBuilder<Jurisdiction> builder)
    {
        builder.HasKey(j => j.Code);
        builder.Property(j => j.Code).HasMaxLength(5);
        builder.Property(j => j.PostalCode).HasMaxLength(2);
        builder.Property(j => j.Name).HasMaxLength(Limits.Name);
        builder.Property(j => j.Country).HasConversion<string>().HasMaxLength(2);
        builder.Property(j => j.TimeZoneId).HasMaxLength(64);
    }
}

internal sealed class RegionalContactConfiguration : IEntityTypeConfiguration<RegionalContact>
{
    public void Configure(EntityTypeBuilder<RegionalContact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Limits.Name);
        builder.Property(c => c.Role).HasMaxLength(Limits.Name);
        builder.Property(c => c.Email).HasMaxLength(Limits.Email);
    }
}

internal sealed class CoverageSnapshotConfiguration : IEntityTypeConfiguration<CoverageSnapshot>
{
    public void Configure(EntityTypeBuilder<CoverageSnapshot> builder)
    {
        // One row per region and month: a second instance's worker taking the same month collides here.
        builder.HasIndex(c => new { c.Month, c.RegionId }).IsUnique();
        builder.HasOne(c => c.Region).WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
