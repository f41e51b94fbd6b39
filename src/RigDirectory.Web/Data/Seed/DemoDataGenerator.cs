using System.Globalization;
using Bogus;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Seed;

/// <summary>
/// Deterministic demo RIGs for Development: approved RIGs at about two thirds of the schools (so the map
/// shows real gaps), with sponsors and officers, plus a few registrations waiting for review.
/// Everything it makes is marked <c>IsDemo</c>.
/// </summary>
public static class DemoDataGenerator
{
    public const int Seed = 20260901;
    public const string DemoEmailDomain = "demo.rigdirectory.example";

    /// <summary>One approved RIG in this many is unclaimed in the demo.</summary>
    public const int UnclaimedEvery = 20;

    /// <summary>Officers' positions in the order a RIG fills them: one of each per RIG.</summary>
    internal static readonly string[] Positions = ["President", "Vice President", "Secretary", "Treasurer", "Events Chair", "Outreach Chair"];
    private static readonly string[] Subspecialties = ["Neuroradiology", "Interventional Radiology", "Musculoskeletal Imaging", "Breast Imaging", "Pediatric Radiology", "Body Imaging", "Nuclear Medicine", "Cardiothoracic Imaging", "Emergency Radiology"];
    // Demo RIGs read like real ones: what students at a RIG actually do, in their own words.
    private static readonly string[] Openings =
    [
        "We bring medical students at {0} closer to radiology from their first year.",
        "A home at {0} for students curious about imaging, image-guided procedures and the people who do them.",
        "Started by students who found radiology late and wished they had found it sooner, we meet all year at {0}.",
        "We show students at {0} what radiologists do all day, well before rotations start.",
    ];

    private static readonly string[] Doings =
    [
        "lunch talks with attendings from {0}",
        "hands-on ultrasound workshops with the residents",
        "an AI in radiology journal club",
        "reading-room shadowing in small groups",
        "a residency application panel every spring",
        "joint sessions with the emergency medicine and surgery interest groups",
        "an interventional radiology simulation night",
        "unknown-case conferences where students present",
        "anatomy reviews on CT for first-years",
    ];

    private static readonly string[] Closings =
    [
        "Everyone is welcome, whatever specialty they end up in.",
        "No experience needed: bring your questions.",
        "We also pair students with resident mentors for research projects.",
        "Officers change every spring, and first-years are encouraged to run for them.",
    ];

    internal static readonly (string Title, EventType Type, EventFormat Format, string? Location)[] EventIdeas =
    [
        ("Lunch talk: a day in interventional radiology", EventType.Talk, EventFormat.InPerson, "Medical education building, room 210"),
        ("Ultrasound workshop: the FAST exam", EventType.Workshop, EventFormat.InPerson, "Simulation centre"),
        ("AI journal club: reading a deep-learning paper", EventType.JournalClub, EventFormat.Virtual, null),
        ("Residency panel with radiology residents", EventType.ResidencyPanel, EventFormat.Hybrid, "Lecture hall B"),
        ("Reading-room tour for first-years", EventType.ShadowingDay, EventFormat.InPerson, "Radiology department"),
        ("Joint session with the EM interest group: imaging in trauma", EventType.JointSession, EventFormat.InPerson, "Auditorium"),
    ];

    private static string Description(Faker faker, School school)
    {
        var doings = faker.PickRandom(Doings, 3).Select(d => string.Format(CultureInfo.InvariantCulture, d, faker.PickRandom(Subspecialties).ToLowerInvariant())).ToList();
        return string.Format(CultureInfo.InvariantCulture, faker.PickRandom(Openings), school.Name) +
            $" We run {doings[0]}, {doings[1]} and {doings[2]}. " + faker.PickRandom(Closings);
    }

    private static readonly string[] Titles = ["Assistant Professor of Radiology", "Associate Professor of Radiology", "Professor of Radiology", "Clinical Instructor, Radiology", "Program Director, Diagnostic Radiology"];

    public sealed record DemoData(IReadOnlyList<ApplicationUser> Users, IReadOnlyList<Rig> Rigs);

    /// <summary><paramref name="zones"/>: each jurisdiction's time zone, for the RIGs' events (Eastern when not given).</summary>
    public static DemoData Generate(IReadOnlyList<School> schools, DateTime now, IReadOnlyDictionary<string, string>? zones = null)
    {
        ArgumentNullException.ThrowIfNull(schools);
        var faker = new Faker("en") { Random = new Randomizer(Seed) };

        // Interested students come from their own random sequence and numbering, so the rest is as it was without them.
        var interest = new Faker("en") { Random = new Randomizer(Seed + 1) };
        var users = new List<ApplicationUser>();
        var officers = 0;
        var students = 0;
        var rigs = new List<Rig>();

        foreach (var school in schools.OrderBy(s => s.Slug, StringComparer.Ordinal))
        {
            var roll = faker.Random.Double();
            var status = roll switch
            {
                < 0.66 => RigStatus.Approved,
                < 0.70 => RigStatus.Submitted,
                < 0.72 => RigStatus.ChangesRequested,
                _ => (RigStatus?)null,
            };
            if (status is null)
            {
                continue;
            }

            var rig = MakeRig(faker, school, status.Value, now, zones?.GetValueOrDefault(school.JurisdictionCode) ?? EventTimeZones.Default);
            var officerCount = faker.Random.Int(1, 3);
            for (var i = 0; i < officerCount; i++)
            {
                var user = MakeUser(faker, officers++, now);
                users.Add(user);
                rig.Officers.Add(new RigOfficer
                {
                    UserId = user.Id,
                    User = user,
                    Position = Positions[i],
                    GraduationYear = Stewardship.LastEndedClass(now) + 1 + faker.Random.Int(0, 3),
                    StartedAt = rig.CreatedAt,
                });
            }

            if (status == RigStatus.Approved)
            {
                students += AddInterestedStudents(interest, rig, school, users, students, now);
            }

            rigs.Add(rig);
        }

        AddUnclaimed(faker, rigs.Where(r => r.Status == RigStatus.Approved).ToList(), users, now);
        return new DemoData(users, rigs);
    }

    /// <summary>
    /// Every <see cref="UnclaimedEvery"/>th approved RIG (never the first, which the demo leader leads) lost its
    /// officers to graduation last 1 July; students have claimed the first two, one vouched for by the sponsor.
    /// </summary>
    private static void AddUnclaimed(Faker faker, List<Rig> approved, List<ApplicationUser> users, DateTime now)
    {
        var graduated = Stewardship.LastEndedClass(now);
        var unclaimed = approved.Where((_, i) => i % UnclaimedEvery == UnclaimedEvery - 1).ToList();
        foreach (var officer in unclaimed.SelectMany(r => r.Officers))
        {
            officer.GraduationYear = graduated;
            officer.EndedAt = Stewardship.TermEnds(graduated);
        }

        foreach (var (rig, i) in unclaimed.Take(2).Select((r, i) => (r, i)))
        {
            var person = new Person(faker);
            var claimant = DemoUser(new Guid(faker.Random.Bytes(16)).ToString(), $"claimant{i + 1}@{DemoEmailDomain}", $"{person.FirstName} {person.LastName}", new Guid(faker.Random.Bytes(16)).ToString("N"), now);
            users.Add(claimant);
            var sponsor = rig.Sponsors[0];
            rig.Claims.Add(new RigClaim
            {
                UserId = claimant.Id,
                User = claimant,
                Position = "President",
                GraduationYear = graduated + 3,
                Message = "I am a second-year student here. The group stopped when last year's officers graduated; I would like to restart the lunch talks and the ultrasound workshop this term.",
                SponsorName = sponsor.Name,
                SponsorEmail = sponsor.Email,
                SponsorConfirmedAt = i == 0 ? now.AddDays(-2) : null,
                CreatedAt = now.AddDays(-4 - i),
            });
        }
    }

    /// <summary>An event at half past five, venue time, for an hour and a half; online ones get a join link.</summary>
    internal static Event DemoEvent(string title, EventType type, EventFormat format, string? location, DateOnly day, string zone, DateTime created)
    {
        var starts = EventTimeZones.ToUtc(day.ToDateTime(new TimeOnly(17, 30)), zone) ?? day.ToDateTime(new TimeOnly(22, 0), DateTimeKind.Utc);
        return new Event
        {
            Title = title,
            Type = type,
            Format = format,
            Location = location,
            JoinUrl = format == EventFormat.InPerson ? null : $"https://meet.{DemoEmailDomain}/{day:yyyyMMdd}-{type}".ToLowerInvariant(),
            TimeZoneId = zone,
            StartsOn = day,
            StartsAt = starts,
            EndsAt = starts.AddMinutes(90),
            CreatedAt = created,
            UpdatedAt = created,
            IsDemo = true,
        };
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static Rig MakeRig(Faker faker, School school, RigStatus status, DateTime now, string zone)
    {
        var age = faker.Random.Int(30, 2000);
        // A registration waiting for review (or for its leaders' changes) was sent in the last two weeks, as on a
        // desk that is kept up: the review desk says "waiting 6 days", not "1,786 days".
        var created = now.AddDays(-(status is RigStatus.Submitted or RigStatus.ChangesRequested ? 2 + age % 12 : age));
        var shortName = string.IsNullOrEmpty(school.Campus) ? school.City : school.Campus;
        var name = faker.PickRandom($"{shortName} Radiology Interest Group", $"Radiology Interest Group at {school.Name}", $"{school.City} Student Radiology Society");
        var approved = status == RigStatus.Approved;
        var rig = new Rig
        {
            Slug = SlugRules.From($"{school.Slug}-rig"),
            Name = name.Length > Limits.Name ? name[..Limits.Name] : name,
            SchoolId = school.Id,
            Status = status,
            Description = Description(faker, school),
            HowToGetInvolved = "Join our mailing list at the student activities fair or email us; every student is welcome, no experience needed.",
            Activities = (RigActivities)faker.Random.Int(1, (1 << 10) - 1),
            MeetingCadence = faker.PickRandom(MeetingCadence.Weekly, MeetingCadence.EveryTwoWeeks, MeetingCadence.Monthly, MeetingCadence.EachTerm),
            ContactEmail = $"rig-{school.Slug}@{DemoEmailDomain}",
            ContactVisibility = faker.Random.Bool(0.6f) ? ContactVisibility.Public : ContactVisibility.SignedInOnly,
            Website = faker.Random.Bool(0.5f) ? $"https://{school.Slug}.{DemoEmailDomain}/" : null,
            FoundedYear = faker.Random.Int(1995, now.Year),
            CreatedAt = created,
            UpdatedAt = Min(created.AddDays(faker.Random.Int(0, 20)), now),
            SubmittedAt = created.AddDays(1),
            ApprovedAt = approved ? created.AddDays(faker.Random.Int(2, 14)) : null,
            LastVerifiedAt = approved ? now.AddDays(-faker.Random.Int(0, 500)) : null,
            IsDemo = true,
            RegistrationStep = RegistrationStep.Review,
        };
        foreach (var (title, type, format, location) in faker.PickRandom(EventIdeas, faker.Random.Int(1, 3)))
        {
            rig.Events.Add(DemoEvent(title, type, format, location, DateOnly.FromDateTime(now).AddDays(faker.Random.Int(-300, 60)), zone, created));
        }

        var sponsorCount = faker.Random.Int(1, 2);
        for (var i = 0; i < sponsorCount; i++)
        {
            var person = new Person(faker);
            rig.Sponsors.Add(new FacultySponsor
            {
                Name = $"Dr. {person.FirstName} {person.LastName}",
                Title = faker.PickRandom(Titles),
                Department = "Department of Radiology",
                Email = $"{SlugRules.From($"{person.FirstName} {person.LastName}").Replace('-', '.')}@{DemoEmailDomain}",
                Subspecialty = faker.PickRandom(Subspecialties),
                ConfirmedAt = approved ? rig.SubmittedAt : null,
                SortOrder = i,
            });
        }

        return rig;
    }

    /// <summary>Up to four students who said "I'm interested", each sharing their own demo address; returns how many.</summary>
    private static int AddInterestedStudents(Faker faker, Rig rig, School school, List<ApplicationUser> users, int before, DateTime now)
    {
        var count = faker.Random.Int(0, 4);
        for (var i = 0; i < count; i++)
        {
            var person = new Person(faker);
            var email = $"student{before + i + 1}@{DemoEmailDomain}";
            var user = DemoUser(new Guid(faker.Random.Bytes(16)).ToString(), email, $"{person.FirstName} {person.LastName}", new Guid(faker.Random.Bytes(16)).ToString("N"), now);
            users.Add(user);
            var since = now.AddDays(-faker.Random.Int(1, 200));
            rig.Interests.Add(new RigInterest
            {
                UserId = user.Id,
                User = user,
                School = school.DisplayName,
                GraduationYear = now.Year + faker.Random.Int(1, 4),
                SharedEmail = email,
                CreatedAt = since,
                UpdatedAt = since,
            });
        }

        return count;
    }

    private static ApplicationUser MakeUser(Faker faker, int index, DateTime now)
    {
        var person = new Person(faker);
        var email = $"officer{index + 1}@{DemoEmailDomain}";
        return DemoUser(new Guid(faker.Random.Bytes(16)).ToString(), email, $"{person.FirstName} {person.LastName}", new Guid(faker.Random.Bytes(16)).ToString("N"), now);
    }

    /// <summary>
    /// A confirmed account without a password, added straight to the database (hundreds at a time, so not
    /// through UserManager); marked as demo data.
    /// </summary>
    internal static ApplicationUser DemoUser(string id, string email, string displayName, string securityStamp, DateTime now) => new()
    {
        Id = id,
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
        DisplayName = displayName,
        SecurityStamp = securityStamp,
        ConcurrencyStamp = securityStamp,
        LockoutEnabled = true,
        CreatedAt = now,
        IsDemo = true,
    };

    private sealed class Person(Faker faker)
    {
        public string FirstName { get; } = faker.Name.FirstName();
        public string LastName { get; } = faker.Name.LastName();
    }
}
