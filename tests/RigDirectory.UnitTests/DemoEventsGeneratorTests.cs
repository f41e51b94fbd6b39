using RigDirectory.Web.Data.Seed;
using RigDirectory.Web.Domain;

namespace RigDirectory.UnitTests;

public sealed class DemoEventsGeneratorTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static DemoEventsGenerator.DemoEvents Generate()
    {
        var rigs = Enumerable.Range(1, 30).Select(i => new Rig { Id = i, Slug = $"rig-{i}", Name = $"RIG {i}", Status = RigStatus.Approved }).ToList();
        var zones = rigs.ToDictionary(r => r.Id, r => (r.Id % 3 == 0 ? "America/St_Johns" : "America/Chicago", r.Id % 4));
        var students = Enumerable.Range(1, 200).Select(i => new ApplicationUser { Id = $"student-{i}", DisplayName = $"Student {i}" }).ToList();
        return DemoEventsGenerator.Generate(rigs, zones, students, regionId: 1, Now);
    }

    [Fact]
    public void AYearOfActivityPerRig_SomethingToCome_AndTwoAcrConferences()
    {
        var data = Generate();

        Assert.All(data.Events.Where(e => e.RigId is not null).GroupBy(e => e.RigId), rig =>
        {
            Assert.Contains(rig, e => e.StartsAt < Now && e.StartsAt > Now.AddYears(-1));
            Assert.Contains(rig, e => e.StartsAt > Now);
        });
        var conferences = data.Events.Where(e => e.IsAcrEvent).ToList();
        Assert.Equal(2, conferences.Count);
        Assert.All(conferences, c =>
        {
            Assert.Equal(EventType.NetworkingConference, c.Type);
            Assert.NotEmpty(c.Sessions);
            Assert.NotNull(c.JoinUrl);
        });
        Assert.Contains(conferences, c => c.RegionId == 1 && c.RegistrationOpensAt > Now);
        Assert.All(data.Events, e =>
        {
            Assert.True(e.IsDemo);
            Assert.True(EventTimeZones.IsKnown(e.TimeZoneId));
            Assert.True(e.EndsAt > e.StartsAt);
            Assert.Equal(e.StartsOn, DateOnly.FromDateTime(EventTimeZones.ToLocal(e.StartsAt, e.TimeZoneId)));
            Assert.Equal(e.IsOnline, e.JoinUrl is not null);
        });
    }

    [Fact]
    public void Seats_AreCountedOnTheEvent_AndOnlyFullEventsHaveAWaitlist()
    {
        var data = Generate();

        Assert.Contains(data.Registrations, r => r.Status == RegistrationStatus.Waitlisted);
        Assert.All(data.Registrations.GroupBy(r => r.Event!), e =>
        {
            Assert.Equal(e.Key.SeatsTaken, e.Count(r => r.Status == RegistrationStatus.Registered));
            Assert.True(e.Key.StartsAt > Now);
            if (e.Any(r => r.Status == RegistrationStatus.Waitlisted))
            {
                Assert.Equal(e.Key.Capacity, e.Key.SeatsTaken);
            }
        });
    }

    [Fact]
    public void SameInput_GivesTheSameEvents()
    {
        Assert.Equal(Generate().Events.Select(e => (e.Title, e.StartsAt, e.RigId)), Generate().Events.Select(e => (e.Title, e.StartsAt, e.RigId)));
    }
}
