using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Seed;

/// <summary>
/// A large deterministic directory for the benchmark environment only: the real schools plus synthetic
/// campuses near them up to <see cref="Schools"/>, and <see cref="Rigs"/> approved RIGs. The RIGs and their
/// officers are marked as demo rows.
/// </summary>
/// <summary>
/// <c>Benchmark:Rigs</c>: how many RIGs the benchmark environment seeds (4,000 unless set; the 20k run sets 20,000);
/// <c>Benchmark:Schools</c>: how many schools and campuses (5,000 unless set; the real 284 are never fewer).
/// </summary>
public sealed class BenchmarkOptions
{
    public const string Section = "Benchmark";

    public int Rigs { get; set; } = BenchmarkDataGenerator.Rigs;

    public int Schools { get; set; } = BenchmarkDataGenerator.Schools;

    /// <summary><c>Benchmark:Mentors</c>: how many active mentors (10,000 unless set), at the real schools' cities.</summary>
    public int Mentors { get; set; } = BenchmarkDataGenerator.Mentors;
}

public static class BenchmarkDataGenerator
{
    public const int Schools = 5_000;
    public const int Rigs = 4_000;
    public const int Mentors = 10_000;
    public const string Environment = "Benchmark";

    public sealed record BenchmarkData(IReadOnlyList<School> Schools, IReadOnlyList<ApplicationUser> Users, IReadOnlyList<Rig> Rigs);

    public static BenchmarkData Generate(IReadOnlyList<School> realSchools, DateTime now, int rigCount = Rigs, int schoolCount = Schools)
    {
        ArgumentNullException.ThrowIfNull(realSchools);
        var random = new Random(20261128);
        var ordered = realSchools.OrderBy(s => s.Slug, StringComparer.Ordinal).ToList();
        var synthetic = new List<School>();
        // One RIG holds a school: at least as many schools as RIGs.
        for (var i = ordered.Count; i < Math.Max(schoolCount, rigCount); i++)
        {
            var near = ordered[i % ordered.Count];
            synthetic.Add(new School
            {
                Slug = $"benchmark-campus-{i:D5}",
                Name = $"Benchmark Campus {i:D5} of {near.Name}",
                City = near.City,
                JurisdictionCode = near.JurisdictionCode,
                Country = near.Country,
                Degree = i % 4 == 0 ? DegreeType.DO : DegreeType.MD,
                Latitude = near.Latitude + ((random.NextDouble() - 0.5) * 0.6),
                Longitude = near.Longitude + ((random.NextDouble() - 0.5) * 0.6),
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        var users = Enumerable.Range(0, 200)
            .Select(i => DemoDataGenerator.DemoUser($"benchmark-officer-{i:D3}", $"benchmark-officer-{i:D3}@{DemoDataGenerator.DemoEmailDomain}", $"Officer {i:D3}", $"benchmark-{i}", now))
            .ToList();

        var all = ordered.Concat(synthetic).ToList();
        // Each RIG its own school, spread over the list: i * step modulo the count visits every school once.
        var step = all.Count % 7919 == 0 ? 1 : 7919;
        var rigs = new List<Rig>(rigCount);
        for (var i = 0; i < rigCount; i++)
        {
            var school = all[(int)((long)i * step % all.Count)];
            var rig = new Rig
            {
                Slug = $"benchmark-rig-{i:D5}",
                Name = $"{school.City} Radiology Interest Group {i:D5}",
                School = school,
                SchoolId = school.Id,
                Status = RigStatus.Approved,
                Description = "Talks, workshops and mentoring for students curious about radiology.",
                Activities = (RigActivities)(random.Next(1, 1 << 10)),
                MeetingCadence = MeetingCadence.Monthly,
                ContactEmail = $"rig{i}@{DemoDataGenerator.DemoEmailDomain}",
                ContactVisibility = i % 2 == 0 ? ContactVisibility.Public : ContactVisibility.SignedInOnly,
                CreatedAt = now.AddDays(-random.Next(30, 2000)),
                UpdatedAt = now.AddDays(-random.Next(0, 30)),
                LastVerifiedAt = now.AddDays(-random.Next(0, 400)),
                IsDemo = true,
                RegistrationStep = RegistrationStep.Review,
                Sponsors = [new FacultySponsor { Name = $"Dr. Sponsor {i}", Title = "Professor of Radiology", Email = $"sponsor{i}@{DemoDataGenerator.DemoEmailDomain}" }],
            };
            var officer = users[i % users.Count];
            rig.Officers.Add(new RigOfficer { UserId = officer.Id, User = officer, Position = "President", GraduationYear = now.Year + 1, StartedAt = now });

            // One event held in the past year and two to come, so that /events and the feeds read thousands.
            foreach (var (days, j) in new[] { -random.Next(1, 360), random.Next(1, 180), random.Next(1, 180) }.Select((d, j) => (d, j)))
            {
                var idea = DemoDataGenerator.EventIdeas[(i + j) % DemoDataGenerator.EventIdeas.Length];
                var e = DemoDataGenerator.DemoEvent(idea.Title, idea.Type, idea.Format, idea.Location, DateOnly.FromDateTime(now).AddDays(days), EventTimeZones.Default, now.AddDays(-200));
                e.Capacity = idea.Type == EventType.Workshop ? 30 : null;
                rig.Events.Add(e);
            }

            rigs.Add(rig);
        }

        return new BenchmarkData(synthetic, users, rigs);
    }

    /// <summary>ACR's conferences: one a month for a year, half of them for one region.</summary>
    public static IReadOnlyList<Event> GenerateAcrEvents(DateTime now, int regionId) => [.. Enumerable.Range(1, 12).Select(month =>
    {
        var e = DemoDataGenerator.DemoEvent($"Virtual networking conference {month}", EventType.NetworkingConference, EventFormat.Virtual, null, DateOnly.FromDateTime(now).AddMonths(month), EventTimeZones.Default, now);
        e.Capacity = 500;
        e.RegionId = month % 2 == 0 ? regionId : null;
        return e;
    })];

    /// <summary>Active mentors at the real schools' cities, a quarter of them full, each with one or two subspecialties.</summary>
    public static (IReadOnlyList<ApplicationUser> Users, IReadOnlyList<MentorProfile> Mentors) GenerateMentors(IReadOnlyList<School> realSchools, IReadOnlyList<Subspecialty> subspecialties, DateTime now, int count = Mentors)
    {
        ArgumentNullException.ThrowIfNull(realSchools);
        ArgumentNullException.ThrowIfNull(subspecialties);
        var random = new Random(20261129);
        var ordered = realSchools.OrderBy(s => s.Slug, StringComparer.Ordinal).ToList();
        var users = new List<ApplicationUser>(count);
        var mentors = new List<MentorProfile>(count);
        for (var i = 0; i < count; i++)
        {
            var school = ordered[(i * 7919) % ordered.Count];
            var user = DemoDataGenerator.DemoUser($"benchmark-mentor-{i:D5}", $"benchmark-mentor-{i:D5}@{DemoDataGenerator.DemoEmailDomain}", $"Mentor {i:D5}", $"benchmark-mentor-{i}", now);
            users.Add(user);
            var capacity = 1 + random.Next(4);
            mentors.Add(new MentorProfile
            {
                User = user,
                UserId = user.Id,
                Role = (MentorRole)random.Next(4),
                Institution = $"{school.Name} Hospital",
                City = school.City,
                JurisdictionCode = school.JurisdictionCode,
                Latitude = school.Latitude,
                Longitude = school.Longitude,
                Offers = (MentorOffers)random.Next(1, 32),
                Format = (MentorFormat)random.Next(3),
                Bio = "A radiologist who helps students with research, shadowing and residency applications.",
                Capacity = capacity,
                ActiveMentees = i % 4 == 0 ? capacity : 0,
                Status = MentorStatus.Active,
                CreatedAt = now.AddDays(-random.Next(30, 700)),
                UpdatedAt = now,
                SubmittedAt = now.AddDays(-random.Next(30, 700)),
                ApprovedAt = now.AddDays(-random.Next(0, 700)),
                IsDemo = true,
                Subspecialties = [subspecialties[i % subspecialties.Count], subspecialties[(i / 3) % subspecialties.Count]],
            });
            mentors[^1].Subspecialties = [.. mentors[^1].Subspecialties.Distinct()];
        }

        return (users, mentors);
    }
}
