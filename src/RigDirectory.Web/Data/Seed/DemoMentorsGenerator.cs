using Bogus;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Seed;

/// <summary>
/// Deterministic demo mentoring for Development: about 150 mentors spread over the schools' cities (most active,
/// some full, some paused, a few waiting for review or sent back), students' requests in every state, a few
/// reports, and links from approved demo RIGs to mentors nearby. Everything it makes is marked <c>IsDemo</c>.
/// </summary>
public static class DemoMentorsGenerator
{
    public const int Mentors = 150;
    public const int Students = 90;

    // Named by their city, as such hospitals are ("Mesa VA Medical Center"): a school's long name before "Veterans
    // Affairs Medical Center" read like no real place.
    private static readonly string[] Hospitals = ["University Hospital", "Medical Center", "Children's Hospital", "VA Medical Center", "Regional Medical Center", "Cancer Center"];

    private static readonly string[] Bios =
    [
        "I came to radiology from internal medicine and love the detective work of a difficult case. Happy to talk through {0} research, away rotations and how to build a strong application.",
        "I mentor students who want to see what {0} looks like day to day. I have supervised student research projects every year since residency and enjoy helping with first abstracts.",
        "As a {1}, I remember how opaque the match felt. I review personal statements, run mock interviews and can introduce students to our {0} team.",
        "My practice is mostly {0}. I like meeting students early in medical school, before they have decided, and showing them how imaging shapes almost every patient's care.",
        "I lead our department's medical student elective and teach {0} to every rotating student. Ask me about shadowing, case conferences and finding a research mentor at your own school.",
    ];

    private static readonly string[] Messages =
    [
        "I am a second-year student interested in radiology and would love advice on getting involved in research before my third year.",
        "Our school has no RIG yet and I would like to learn more about {0}. Could we talk about what the work is like and how to prepare?",
        "I am applying to diagnostic radiology this cycle and would be grateful for feedback on my personal statement and a mock interview.",
        "I am a first-year student curious about interventional work and would like to shadow or hear how you chose your path.",
    ];

    private static readonly string[] DeclineNotes =
    [
        "I am on a research block this month and cannot give you the time you deserve. Please ask again in the spring.",
        "Your questions fit a body imaging mentor better than me; try filtering by that subspecialty.",
    ];

    public sealed record DemoMentoring(IReadOnlyList<ApplicationUser> Users, IReadOnlyList<MentorProfile> Profiles, IReadOnlyList<Mentorship> Mentorships, IReadOnlyList<RigMentor> Links);

    public static DemoMentoring Generate(IReadOnlyList<School> schools, IReadOnlyList<Subspecialty> subspecialties, IReadOnlyList<Rig> approvedRigs, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(schools);
        ArgumentNullException.ThrowIfNull(subspecialties);
        ArgumentNullException.ThrowIfNull(approvedRigs);
        var faker = new Faker("en") { Random = new Randomizer(DemoDataGenerator.Seed + 2) };
        var users = new List<ApplicationUser>();
        var profiles = new List<MentorProfile>();
        var active = subspecialties.Where(s => !s.IsRetired).ToList();
        var places = schools.ToList();
        for (var i = 0; i < Mentors; i++)
        {
            var school = faker.PickRandom(places);
            var user = User(faker, $"mentor{i + 1}", now);
            users.Add(user);
            var role = faker.Random.WeightedRandom([MentorRole.AttendingRadiologist, MentorRole.Fellow, MentorRole.Resident, MentorRole.Other], [0.45f, 0.2f, 0.3f, 0.05f]);
            var chosen = faker.PickRandom(active, faker.Random.Int(1, 3)).ToList();
            var offers = faker.PickRandom(MentoringRules.AllOffers, faker.Random.Int(1, 4)).Aggregate(MentorOffers.None, (all, o) => all | o);
            var status = i switch
            {
                < 120 => MentorStatus.Active,
                < 132 => MentorStatus.Paused,
                < 140 => MentorStatus.Submitted,
                < 144 => MentorStatus.ChangesRequested,
                < 147 => MentorStatus.Withdrawn,
                < 149 => MentorStatus.Rejected,
                _ => MentorStatus.Deactivated,
            };
            var approved = status is MentorStatus.Active or MentorStatus.Paused or MentorStatus.Withdrawn or MentorStatus.Deactivated;
            var submitted = now.AddDays(-faker.Random.Int(approved ? 30 : 1, approved ? 700 : 20));
            profiles.Add(new MentorProfile
            {
                UserId = user.Id,
                User = user,
                Role = role,
                Institution = $"{school.City} {faker.PickRandom(Hospitals)}",
                City = school.City,
                JurisdictionCode = school.JurisdictionCode,
                Latitude = school.Latitude,
                Longitude = school.Longitude,
                Offers = offers,
                Format = faker.Random.WeightedRandom([MentorFormat.Both, MentorFormat.Virtual, MentorFormat.InPerson], [0.5f, 0.35f, 0.15f]),
                Bio = string.Format(System.Globalization.CultureInfo.InvariantCulture, faker.PickRandom(Bios), chosen[0].Name.ToLowerInvariant(), role.DisplayName().ToLowerInvariant()),
                Capacity = faker.Random.Int(1, 5),
                Status = status,
                ReviewNote = status switch
                {
                    MentorStatus.ChangesRequested => "Please say which institution you work at now, and what students could do with you in person.",
                    MentorStatus.Rejected => "We could not confirm a radiology appointment for this profile.",
                    MentorStatus.Deactivated => "Deactivated after repeated reports from students.",
                    _ => null,
                },
                CreatedAt = submitted,
                UpdatedAt = submitted,
                SubmittedAt = submitted,
                ApprovedAt = approved ? submitted.AddDays(2) : null,
                IsDemo = true,
                Subspecialties = chosen,
            });
        }

        var students = Enumerable.Range(1, Students).Select(i => User(faker, $"mentee{i}", now)).ToList();
        users.AddRange(students);
        var mentorships = Requests(faker, profiles, students, places, now);
        var links = new List<RigMentor>();
        foreach (var rig in approvedRigs.Take(40))
        {
            var near = profiles.Where(p => p.Status == MentorStatus.Active && p.JurisdictionCode == rig.School!.JurisdictionCode).Take(2);
            links.AddRange(near.Select(p => new RigMentor { Rig = rig, Mentor = p, LinkedAt = now.AddDays(-faker.Random.Int(1, 300)) }));
        }

        return new DemoMentoring(users, profiles, mentorships, links);
    }

    /// <summary>Requests in every state; each mentor's count of active mentees matches their accepted ones, and some are exactly full.</summary>
    private static List<Mentorship> Requests(Faker faker, List<MentorProfile> profiles, List<ApplicationUser> students, List<School> schools, DateTime now)
    {
        var mentorships = new List<Mentorship>();
        var approved = profiles.Where(p => p.ApprovedAt is not null).ToList();
        var open = students.ToDictionary(s => s.Id, _ => 0);
        foreach (var (mentor, index) in approved.Select((m, i) => (m, i)))
        {
            var full = mentor.Status == MentorStatus.Active && index % 6 == 0;
            var accepted = mentor.Status is MentorStatus.Active or MentorStatus.Paused ? (full ? mentor.Capacity : faker.Random.Int(0, mentor.Capacity - 1)) : 0;
            var states = Enumerable.Repeat(MentorshipStatus.Accepted, accepted).ToList();
            if (mentor.Status == MentorStatus.Active && !full)
            {
                states.AddRange(faker.PickRandom([MentorshipStatus.Requested, MentorshipStatus.Declined, MentorshipStatus.Expired, MentorshipStatus.Ended, MentorshipStatus.Cancelled], faker.Random.Int(0, 3)));
            }

            var asked = new HashSet<string>();
            foreach (var status in states)
            {
                var student = faker.PickRandom(students.Where(s => !asked.Contains(s.Id) && (status != MentorshipStatus.Requested || open[s.Id] < MentoringRules.MaxOpenRequests)).ToList());
                asked.Add(student.Id);
                open[student.Id] += status == MentorshipStatus.Requested ? 1 : 0;
                var created = status == MentorshipStatus.Requested ? now.AddDays(-faker.Random.Int(0, MentoringRules.ExpiryDays - 1)).AddHours(-faker.Random.Int(0, 20)) : now.AddDays(-faker.Random.Int(20, 300));
                var answered = status is MentorshipStatus.Accepted or MentorshipStatus.Declined or MentorshipStatus.Ended ? created.AddHours(faker.Random.Int(3, 24 * 9)) : (DateTime?)null;
                mentorships.Add(new Mentorship
                {
                    Mentor = mentor,
                    StudentUserId = student.Id,
                    Student = student,
                    StudentSchool = faker.PickRandom(schools),
                    Message = string.Format(System.Globalization.CultureInfo.InvariantCulture, faker.PickRandom(Messages), mentor.Subspecialties[0].Name.ToLowerInvariant()),
                    Status = status,
                    CreatedAt = created,
                    ExpiresAt = created.AddDays(MentoringRules.ExpiryDays),
                    AnsweredAt = answered,
                    ClosedAt = status switch
                    {
                        MentorshipStatus.Expired => created.AddDays(MentoringRules.ExpiryDays),
                        MentorshipStatus.Cancelled => created.AddDays(2),
                        MentorshipStatus.Ended => answered!.Value.AddDays(faker.Random.Int(30, 120)),
                        _ => null,
                    },
                    Note = status == MentorshipStatus.Declined ? faker.PickRandom(DeclineNotes) : null,
                    IsDemo = true,
                });
            }

            mentor.ActiveMentees = accepted;
        }

        var reported = mentorships.Where(m => m.Status is MentorshipStatus.Ended or MentorshipStatus.Accepted).Take(3).ToList();
        foreach (var mentorship in reported)
        {
            mentorship.Reports.Add(new MentorshipReport
            {
                ReporterUserId = mentorship.StudentUserId,
                Text = "My mentor has not replied to three emails over six weeks. I would like to know whether I should ask someone else.",
                CreatedAt = now.AddDays(-faker.Random.Int(1, 20)),
            });
        }

        return mentorships;
    }

    private static ApplicationUser User(Faker faker, string name, DateTime now)
    {
        var first = faker.Name.FirstName();
        var last = faker.Name.LastName();
        return DemoDataGenerator.DemoUser(new Guid(faker.Random.Bytes(16)).ToString(), $"{name}@{DemoDataGenerator.DemoEmailDomain}", $"{first} {last}", new Guid(faker.Random.Bytes(16)).ToString("N"), now);
    }
}
