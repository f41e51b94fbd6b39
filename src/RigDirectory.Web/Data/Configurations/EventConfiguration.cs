using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(Limits.Name);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.Description).HasMaxLength(Limits.LongText);
        builder.Property(e => e.TimeZoneId).HasMaxLength(64);
        builder.Property(e => e.Format).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Location).HasMaxLength(Limits.Name);
        builder.Property(e => e.JoinUrl).HasMaxLength(Limits.Url);
        builder.Property(e => e.Audience).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.CoHostGroup).HasMaxLength(Limits.Name);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.HiddenNote).HasMaxLength(EventRules.NoteLength);
        builder.Property(e => e.CreatedByUserId).HasMaxLength(450);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.Rig).WithMany(r => r.Events).HasForeignKey(e => e.RigId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Region).WithMany().HasForeignKey(e => e.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(e => e.IsAcrEvent);
        builder.Ignore(e => e.HasSeat);
        builder.Ignore(e => e.IsOnline);

        // /events and the feeds read upcoming events in start order; a RIG's profile reads its own.
        builder.HasIndex(e => new { e.Status, e.EndsAt, e.StartsAt });
        // Upcoming events in start order, without sorting them all: an event ends at most EventRules.MaxLength after it starts.
        builder.HasIndex(e => new { e.Status, e.StartsAt });
        builder.HasIndex(e => new { e.StartsOn, e.Status });
        builder.HasIndex(e => new { e.RigId, e.StartsAt });
        // The reminder worker looks for events starting soon whose reminders are not yet queued.
        builder.HasIndex(e => new { e.RemindersQueuedAt, e.StartsAt });
        builder.HasIndex(e => e.IsDemo);
    }
}

internal sealed class EventCoHostConfiguration : IEntityTypeConfiguration<EventCoHost>
{
    public void Configure(EntityTypeBuilder<EventCoHost> builder)
    {
        builder.ToTable("EventCoHosts");
        builder.HasKey(c => new { c.EventId, c.RigId });
        builder.HasOne(c => c.Event).WithMany(e => e.CoHosts).HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
        // Not a cascade: SQL Server allows one cascade path from a RIG, and its own events already are one.
        builder.HasOne(c => c.Rig).WithMany(r => r.CoHosting).HasForeignKey(c => c.RigId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(c => c.RigId);
    }
}

internal sealed class EventSessionConfiguration : IEntityTypeConfiguration<EventSession>
{
    public void Configure(EntityTypeBuilder<EventSession> builder)
    {
        builder.ToTable("EventSessions");
        builder.Property(s => s.Title).HasMaxLength(Limits.Name);
        builder.Property(s => s.Speakers).HasMaxLength(Limits.Name);
        builder.HasOne(s => s.Event).WithMany(e => e.Sessions).HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.EventId, s.StartsAt });
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(r => r.Event).WithMany(e => e.Registrations).HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);

        // One per student per event; the waitlist is served in the order students joined it.
        builder.HasIndex(r => new { r.EventId, r.UserId }).IsUnique();
        builder.HasIndex(r => new { r.EventId, r.Status, r.RegisteredAt });
        builder.HasIndex(r => new { r.UserId, r.Status });
    }
}

internal sealed class CalendarFeedKeyConfiguration : IEntityTypeConfiguration<CalendarFeedKey>
{
    public void Configure(EntityTypeBuilder<CalendarFeedKey> builder)
    {
        builder.HasKey(k => k.UserId);
        builder.Property(k => k.UserId).HasMaxLength(450);
        builder.Property(k => k.TokenHash).HasMaxLength(Limits.TokenHash);
        builder.HasOne(k => k.User).WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => k.TokenHash).IsUnique();
    }
}
