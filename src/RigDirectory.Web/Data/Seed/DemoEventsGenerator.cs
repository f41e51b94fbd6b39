using Bogus;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Seed;

/// <summary>
/// Deterministic demo events for Development: a year of each approved demo RIG's activity (talks, workshops,
/// journal clubs, panels; some online, some co-hosted, some with seats and a waitlist), students registered for
/// what is coming, and two ACR virtual networking conferences (one national and open, one regional opening soon).
/// Everything it makes is marked <c>IsDemo</c>; it draws from its own random sequence, so other demo data is unchanged.
/// </summary>
public static class DemoEventsGenerator
{
    private static readonly (string Title, EventType Type, EventFormat Format, string? Location, int? Capacity)[] Ideas =
    [
        ("Lunch talk: a day in interventional radiology", EventType.Talk, EventFormat.InPerson, "Medical education building, room 210", null),
        ("Ultrasound workshop: the FAST exam", EventType.Workshop, EventFormat.InPerson, "Simulation centre", 24),
        ("Point-of-care ultrasound: vascular access", EventType.Workshop, EventFormat.InPerson, "Clinical skills lab", 16),
        ("AI journal club: reading a deep-learning paper", EventType.JournalClub, EventFormat.Virtual, null, null),
        ("Journal club: incidental findings and what to do with them", EventType.JournalClub, EventFormat.Hybrid, "Library seminar room", null),
        ("Residency panel with radiology residents", EventType.ResidencyPanel, EventFormat.Hybrid, "Lecture hall B", null),
        ("Match panel: applying to diagnostic radiology", EventType.ResidencyPanel, EventFormat.Virtual, null, null),
        ("Reading-room shadowing morning", EventType.ShadowingDay, EventFormat.InPerson, "Radiology department, reading room 3", 6),
        ("Joint session: imaging in trauma", EventType.JointSession, EventFormat.InPerson, "Auditorium", null),
        ("Breast imaging: a morning with the screening team", EventType.ShadowingDay, EventFormat.InPerson, "Breast imaging centre", 4),
        ("Anatomy through CT: a case-based session", EventType.Talk, EventFormat.Hybrid, "Anatomy lab classroom", null),
        ("Welcome social for first-years", EventType.Social, EventFormat.InPerson, "Student lounge", null),
        ("Radiology and global health: a talk", EventType.Talk, EventFormat.Virtual, null, null),
    ];

    private static readonly string[] OtherGroups = ["the EM Interest Group", "the Surgery Interest Group", "the Internal Medicine Interest Group", "the Pediatrics Interest Group"];

    public sealed record DemoEvents(IReadOnlyList<Event> Events, IReadOnlyList<EventRegistration> Registrations);

    /// <summary>
    /// <paramref name="rigs"/>: the approved demo RIGs, saved (with ids) and with their schools' zones in
    /// <paramref name="zones"/>; <paramref name="students"/>: demo students who register; <paramref name="regionId"/>: the regional conference's region.
    /// </summary>
    public static DemoEvents Generate(IReadOnlyList<Rig> rigs, IReadOnlyDictionary<int, (string Zone, int RegionId)> zones, IReadOnlyList<ApplicationUser> students, int regionId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(rigs);
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(students);
        var faker = new Faker("en") { Random = new Randomizer(DemoDataGenerator.Seed + 2) };
        var events = new List<Event>();
        var today = DateOnly.FromDateTime(now);
        foreach (var rig in rigs.OrderBy(r => r.Id))
        {
            var (zone, region) = zones[rig.Id];
            var neighbours = rigs.Where(r => r.Id != rig.Id && zones[r.Id].RegionId == region).ToList();

            // Something most months of the past year (less in summer), and one to three still to come.
            var held = faker.Random.Int(4, 10);
            var days = Enumerable.Range(0, held).Select(_ => -faker.Random.Int(3, 360)).Concat(Enumerable.Range(0, faker.Random.Int(1, 3)).Select(_ => faker.Random.Int(2, 90)));
            foreach (var offset in days)
            {
                var day = today.AddDays(offset);
                if (day.Month is 7 or 8 && faker.Random.Bool(0.7f))
                {
                    continue;
                }

                var (title, type, format, location, capacity) = faker.PickRandom(Ideas);
                var e = DemoDataGenerator.DemoEvent(title, type, format, location, day, zone, now.AddDays(Math.Min(offset, 0) - faker.Random.Int(7, 30)));
                e.RigId = rig.Id;
                e.Description = $"{title}. Open to every student, whatever specialty they end up in: bring questions.";
                e.Capacity = capacity;
                if (type == EventType.JointSession)
                {
                    e.CoHostGroup = faker.PickRandom(OtherGroups);
                }

                if (neighbours.Count > 0 && faker.Random.Bool(0.08f))
                {
                    e.CoHosts.Add(new EventCoHost { RigId = faker.PickRandom(neighbours).Id, InvitedAt = e.CreatedAt, AcceptedAt = e.CreatedAt.AddDays(1) });
                }

                if (faker.Random.Bool(0.05f))
                {
                    e.Audience = EventAudience.SchoolOnly;
                }

                events.Add(e);
            }
        }

        // The regional conference keeps its region's clock: the zone most of the region's RIGs are in.
        var regionZone = zones.Values.Where(z => z.RegionId == regionId).GroupBy(z => z.Zone).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? EventTimeZones.Default;
        events.AddRange(Conferences(now, regionId, regionZone));
        var registrations = Register(faker, events, students, now);
        return new DemoEvents(events, registrations);
    }

    /// <summary>Two ACR conferences: a national one open for registration, and a regional one whose registration opens in two weeks.</summary>
    private static IEnumerable<Event> Conferences(DateTime now, int regionId, string regionZone)
    {
        var national = DemoDataGenerator.DemoEvent("ACR MSS virtual networking conference", EventType.NetworkingConference, EventFormat.Virtual, null, DateOnly.FromDateTime(now).AddDays(21), "America/New_York", now.AddDays(-20));
        national.StartsAt = national.StartsAt.AddHours(1.5);
        national.EndsAt = national.StartsAt.AddHours(2);
        national.Capacity = 300;
        national.Description = "Meet radiologists from every subspecialty in small breakout rooms, hear how they chose radiology, and ask what residency is really like.";
        national.RegistrationClosesAt = national.StartsAt.AddHours(-2);
        national.Sessions.AddRange(Agenda(national.StartsAt, ["Welcome from the ACR Medical Student Section", "Breakout rooms by subspecialty", "Panel: the match in diagnostic and interventional radiology", "Open networking"]));

        var regional = DemoDataGenerator.DemoEvent("Regional networking night", EventType.NetworkingConference, EventFormat.Virtual, null, DateOnly.FromDateTime(now).AddDays(60), regionZone, now.AddDays(-5));
        regional.StartsAt = regional.StartsAt.AddHours(1.5);
        regional.EndsAt = regional.StartsAt.AddHours(1.5);
        regional.RegionId = regionId;
        regional.Capacity = 100;
        regional.Description = "An evening with the region's radiology residency programs: programs introduce themselves, then students join the rooms they choose.";
        regional.RegistrationOpensAt = now.AddDays(14);
        regional.Sessions.AddRange(Agenda(regional.StartsAt, ["Programs introduce themselves", "Rooms by program", "Questions for the program directors"]));
        foreach (var conference in new[] { national, regional })
        {
            conference.JoinUrl = $"https://meet.{DemoDataGenerator.DemoEmailDomain}/acr-{conference.StartsOn:yyyyMMdd}";
            yield return conference;
        }
    }

    private static IEnumerable<EventSession> Agenda(DateTime start, string[] titles) =>
        titles.Select((title, i) => new EventSession { Title = title, Speakers = i == 0 ? "ACR MSS chair" : null, StartsAt = start.AddMinutes(30 * i), EndsAt = start.AddMinutes(30 * (i + 1)) });

    /// <summary>Students register for what is still to come; small workshops fill up and keep a waitlist.</summary>
    private static List<EventRegistration> Register(Faker faker, List<Event> events, IReadOnlyList<ApplicationUser> students, DateTime now)
    {
        var registrations = new List<EventRegistration>();
        if (students.Count == 0)
        {
            return registrations;
        }

        foreach (var e in events.Where(e => e.StartsAt > now && e.RegistrationOpensAt is null))
        {
            // Small workshops fill up and keep a short waitlist; conferences and open talks do not.
            var wanted = Math.Min(students.Count, e.Capacity is { } seats && seats <= 40 ? seats + faker.Random.Int(0, 3) : faker.Random.Int(0, e.IsAcrEvent ? 120 : 12));
            foreach (var (student, i) in faker.PickRandom(students, wanted).Select((s, i) => (s, i)))
            {
                var seated = e.Capacity is not { } capacity || e.SeatsTaken < capacity;
                registrations.Add(new EventRegistration
                {
                    Event = e,
                    UserId = student.Id,
                    Status = seated ? RegistrationStatus.Registered : RegistrationStatus.Waitlisted,
                    RegisteredAt = now.AddDays(-10).AddMinutes(37 * i),
                    UpdatedAt = now,
                });
                if (seated)
                {
                    e.SeatsTaken++;
                }
            }
        }

        return registrations;
    }
}
