using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Configurations;

internal sealed class MentorProfileConfiguration : IEntityTypeConfiguration<MentorProfile>
{
    public void Configure(EntityTypeBuilder<MentorProfile> builder)
    {
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.Institution).HasMaxLength(Limits.Name);
        builder.Property(m => m.City).HasMaxLength(Limits.Name);
        builder.Property(m => m.JurisdictionCode).HasMaxLength(8);
        builder.Property(m => m.Format).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Bio).HasMaxLength(MentoringRules.BioLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.ReviewNote).HasMaxLength(MentoringRules.NoteLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Jurisdiction).WithMany().HasForeignKey(m => m.JurisdictionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Subspecialties).WithMany(s => s.Mentors).UsingEntity(j => j.ToTable("MentorSubspecialties"));
        builder.Ignore(m => m.HasRoom);

        // One offer per account; the finder reads active mentors newest first, the desk reads offers by status.
        builder.HasIndex(m => m.UserId).IsUnique();
        // The finder walks active mentors newest first and counts those with room from this index alone.
        builder.HasIndex(m => new { m.Status, m.ApprovedAt, m.ActiveMentees, m.Capacity });
        builder.HasIndex(m => new { m.Status, m.SubmittedAt });
        // Sorting by distance reads every candidate's place and room from this index alone.
        builder.HasIndex(m => new { m.Status, m.Latitude, m.Longitude, m.ActiveMentees, m.Capacity });
        builder.HasIndex(m => m.IsDemo);
    }
}

internal sealed class SubspecialtyConfiguration : IEntityTypeConfiguration<Subspecialty>
{
    public void Configure(EntityTypeBuilder<Subspecialty> builder)
    {
        builder.Property(s => s.Slug).HasMaxLength(Limits.Slug);
        builder.Property(s => s.Name).HasMaxLength(Limits.Position);
        builder.HasIndex(s => s.Slug).IsUnique();
    }
}

internal sealed class MentorshipConfiguration : IEntityTypeConfiguration<Mentorship>
{
    public void Configure(EntityTypeBuilder<Mentorship> builder)
    {
        builder.Property(m => m.StudentUserId).HasMaxLength(450);
        builder.Property(m => m.Message).HasMaxLength(MentoringRules.MessageLength);
        builder.Property(m => m.Note).HasMaxLength(MentoringRules.NoteLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne(m => m.Mentor).WithMany(p => p.Mentorships).HasForeignKey(m => m.MentorId).OnDelete(DeleteBehavior.Cascade);
        // Not a cascade: SQL Server allows one cascade path to a row, and the mentor's account already is one. A student's
        // mentorships are deleted with their account by AppUserManager.DeleteAsync.
        builder.HasOne(m => m.Student).WithMany().HasForeignKey(m => m.StudentUserId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(m => m.StudentSchool).WithMany().HasForeignKey(m => m.StudentSchoolId).OnDelete(DeleteBehavior.Restrict);

        // A mentor's requests and a student's requests, by state; the worker finds the expired ones by date.
        builder.HasIndex(m => new { m.MentorId, m.Status });
        builder.HasIndex(m => new { m.StudentUserId, m.Status });
        builder.HasIndex(m => new { m.Status, m.ExpiresAt });
        builder.HasIndex(m => m.CreatedAt);
        builder.HasIndex(m => m.IsDemo);
    }
}

internal sealed class MentorshipReportConfiguration : IEntityTypeConfiguration<MentorshipReport>
{
    public void Configure(EntityTypeBuilder<MentorshipReport> builder)
    {
        builder.Property(r => r.ReporterUserId).HasMaxLength(450);
        builder.Property(r => r.Text).HasMaxLength(MentoringRules.NoteLength);
        builder.HasOne(r => r.Mentorship).WithMany(m => m.Reports).HasForeignKey(r => r.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Reporter).WithMany().HasForeignKey(r => r.ReporterUserId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(r => new { r.ResolvedAt, r.CreatedAt });
    }
}

internal sealed class RigMentorConfiguration : IEntityTypeConfiguration<RigMentor>
{
    public void Configure(EntityTypeBuilder<RigMentor> builder)
    {
        builder.HasKey(l => new { l.RigId, l.MentorId });
        builder.HasOne(l => l.Rig).WithMany(r => r.Mentors).HasForeignKey(l => l.RigId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Mentor).WithMany(m => m.Rigs).HasForeignKey(l => l.MentorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.MentorId);
    }
}
