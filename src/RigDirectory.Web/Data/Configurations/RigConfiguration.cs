using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Configurations;

internal sealed class RigConfiguration : IEntityTypeConfiguration<Rig>
{
    public void Configure(EntityTypeBuilder<Rig> builder)
    {
        builder.Property(r => r.Slug).HasMaxLength(Limits.Slug);
        builder.Property(r => r.Name).HasMaxLength(Limits.Name);
        builder.Property(r => r.Description).HasMaxLength(Limits.LongText);
        builder.Property(r => r.HowToGetInvolved).HasMaxLength(Limits.LongText);
        builder.Property(r => r.ContactEmail).HasMaxLength(Limits.Email);
        builder.Property(r => r.Website).HasMaxLength(Limits.Url);
        builder.Property(r => r.InstagramUrl).HasMaxLength(Limits.Url);
        builder.Property(r => r.XUrl).HasMaxLength(Limits.Url);
        builder.Property(r => r.LinkedInUrl).HasMaxLength(Limits.Url);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.MeetingCadence).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ContactVisibility).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.CreatedByUserId).HasMaxLength(450);
        builder.Property(r => r.RegistrationStep).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ReviewStep).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => r.CreatedByUserId);
        builder.Property(r => r.PendingName).HasMaxLength(Limits.Name);
        builder.HasOne(r => r.PendingSchool).WithMany().HasForeignKey(r => r.PendingSchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ChangeRequestedAt);
        builder.Ignore(r => r.HasPendingChange);

        builder.HasIndex(r => r.Slug).IsUnique();
        builder.HasIndex(r => new { r.Status, r.Name });
        builder.HasIndex(r => new { r.SchoolId, r.Status });
        // One RIG holds a school (approved, or being registered): the rule holds in the database, races included.
        builder.HasIndex(r => r.SchoolId, UniqueViolations.OneLiveRigPerSchool).IsUnique()
            .HasFilter($"Status IN ({string.Join(", ", RegistrationWorkflow.SchoolHoldingStatuses.Select(s => $"'{s}'"))})");
        builder.HasIndex(r => r.IsDemo);

        builder.HasOne(r => r.School).WithMany(s => s.Rigs).HasForeignKey(r => r.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Sponsors).WithOne(s => s.Rig).HasForeignKey(s => s.RigId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Officers).WithOne(o => o.Rig).HasForeignKey(o => o.RigId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Invitations).WithOne(i => i.Rig).HasForeignKey(i => i.RigId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Events).WithOne(e => e.Rig).HasForeignKey(e => e.RigId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FacultySponsorConfiguration : IEntityTypeConfiguration<FacultySponsor>
{
    public void Configure(EntityTypeBuilder<FacultySponsor> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Limits.Name);
        builder.Property(s => s.Title).HasMaxLength(Limits.Name);
        builder.Property(s => s.Department).HasMaxLength(Limits.Name);
        builder.Property(s => s.Email).HasMaxLength(Limits.Email);
        builder.Property(s => s.Subspecialty).HasMaxLength(Limits.Name);
        builder.Property(s => s.ConfirmationTokenHash).HasMaxLength(Limits.TokenHash);
        builder.HasIndex(s => s.ConfirmationTokenHash);
        builder.HasIndex(s => new { s.Email, s.ConfirmationRequestedAt });
    }
}

internal sealed class RigOfficerConfiguration : IEntityTypeConfiguration<RigOfficer>
{
    public void Configure(EntityTypeBuilder<RigOfficer> builder)
    {
        builder.Property(o => o.Position).HasMaxLength(Limits.Position);
        builder.HasOne(o => o.User).WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.UserId, o.RigId });
    }
}

internal sealed class OfficerInvitationConfiguration : IEntityTypeConfiguration<OfficerInvitation>
{
    public void Configure(EntityTypeBuilder<OfficerInvitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(Limits.Email);
        builder.Property(i => i.Position).HasMaxLength(Limits.Position);
        builder.Property(i => i.TokenHash).HasMaxLength(Limits.TokenHash);
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450);
        builder.Property(i => i.AcceptedByUserId).HasMaxLength(450);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.Email, i.CreatedAt });
        builder.HasIndex(i => new { i.RigId, i.CreatedAt });
    }
}

internal sealed class RigVerificationLinkConfiguration : IEntityTypeConfiguration<RigVerificationLink>
{
    public void Configure(EntityTypeBuilder<RigVerificationLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(Limits.TokenHash);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasOne(l => l.Rig).WithMany(r => r.VerificationLinks).HasForeignKey(l => l.RigId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RigClaimConfiguration : IEntityTypeConfiguration<RigClaim>
{
    public void Configure(EntityTypeBuilder<RigClaim> builder)
    {
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.Position).HasMaxLength(Limits.Position);
        builder.Property(c => c.Message).HasMaxLength(Limits.ClaimMessage);
        builder.Property(c => c.SponsorTokenHash).HasMaxLength(Limits.TokenHash);
        builder.Property(c => c.DecidedByUserId).HasMaxLength(450);
        builder.Property(c => c.DecisionNote).HasMaxLength(Limits.Note);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Rig).WithMany(r => r.Claims).HasForeignKey(c => c.RigId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.SponsorName).HasMaxLength(Limits.Name);
        builder.Property(c => c.SponsorEmail).HasMaxLength(Limits.Email);
        builder.HasIndex(c => c.SponsorTokenHash).IsUnique();
        builder.HasIndex(c => new { c.Status, c.CreatedAt });
        builder.HasIndex(c => new { c.RigId, c.UserId });
    }
}

internal sealed class RigInterestConfiguration : IEntityTypeConfiguration<RigInterest>
{
    public void Configure(EntityTypeBuilder<RigInterest> builder)
    {
        builder.Property(i => i.School).HasMaxLength(Limits.Name);
        builder.Property(i => i.SharedEmail).HasMaxLength(Limits.Email);
        builder.HasOne(i => i.Rig).WithMany(r => r.Interests).HasForeignKey(i => i.RigId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.User).WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);

        // One per student per RIG; the leaders' list reads newest first.
        builder.HasIndex(i => new { i.RigId, i.UserId }).IsUnique();
        builder.HasIndex(i => new { i.RigId, i.CreatedAt });
        builder.HasIndex(i => i.UserId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityId).HasMaxLength(450);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(64);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserDisplayName).HasMaxLength(Limits.Name);
        builder.Property(a => a.FromStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ToStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Note).HasMaxLength(Limits.LongText);
        builder.HasIndex(a => new { a.RigId, a.OccurredAt });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => new { a.UserId, a.OccurredAt });
    }
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(Limits.Name);
        builder.HasIndex(u => u.IsDemo);
    }
}
