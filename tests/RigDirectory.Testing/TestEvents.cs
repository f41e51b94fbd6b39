using RigDirectory.Web.Domain;

namespace RigDirectory.Testing;

/// <summary>Events as tests need them: complete, with the day the venue's clock shows, in Eastern time unless told.</summary>
public static class TestEvents
{
    public static Event Make(string title, DateTime startsAt, EventFormat format = EventFormat.InPerson, string? location = "Room 101", int? rigId = null, string zone = "America/New_York", TimeSpan? length = null) => new()
    {
        RigId = rigId,
        Title = title,
        Type = EventType.Talk,
        StartsAt = startsAt,
        EndsAt = startsAt + (length ?? TimeSpan.FromHours(1)),
        StartsOn = DateOnly.FromDateTime(EventTimeZones.ToLocal(startsAt, zone)),
        TimeZoneId = zone,
        Format = format,
        Location = format == EventFormat.Virtual ? null : location,
        JoinUrl = format == EventFormat.InPerson ? null : "https://meet.example.org/secret-room",
        CreatedAt = startsAt.AddDays(-30),
        UpdatedAt = startsAt.AddDays(-30),
    };
}
