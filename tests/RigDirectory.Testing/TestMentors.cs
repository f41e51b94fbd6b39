using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Testing;

/// <summary>Mentors and students made straight in the database, for tests of finding, asking and answering.</summary>
public static class TestMentors
{
    /// <summary>A mentor placed at <paramref name="schoolSlug"/>'s city, with the given subspecialty, status and places.</summary>
    public static async Task<int> AddAsync(RigDirectoryFactory factory, ApplicationUser user, string schoolSlug = "harvard-medical-school", int capacity = 2,
        MentorStatus status = MentorStatus.Active, string subspecialty = "neuroradiology", MentorFormat format = MentorFormat.Both, MentorOffers offers = MentorOffers.CareerAdvice | MentorOffers.ResearchProjects)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(user);
        var id = await factory.WithDbAsync(async db =>
        {
            var school = await db.Schools.SingleAsync(s => s.Slug == schoolSlug);
            var profile = Make(user.Id, school, await db.Subspecialties.Where(s => s.Slug == subspecialty).ToListAsync(), capacity, status, format, offers, new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc));
            db.MentorProfiles.Add(profile);
            await db.SaveChangesAsync();
            return profile.Id;
        });
        await factory.AnnounceAsync(new MentorChanged(id));
        return id;
    }

    /// <summary>Sets how many students a mentor has now, straight in the database, and tells the app (the finder shows their room).</summary>
    public static async Task SetActiveMenteesAsync(RigDirectoryFactory factory, int mentorId, int mentees)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await factory.WithDbAsync(db => db.MentorProfiles.Where(m => m.Id == mentorId).ExecuteUpdateAsync(m => m.SetProperty(x => x.ActiveMentees, mentees)));
        await factory.AnnounceAsync(new MentorChanged(mentorId));
    }

    public static MentorProfile Make(string userId, School school, List<Subspecialty> subspecialties, int capacity, MentorStatus status, MentorFormat format, MentorOffers offers, DateTime at) => new()
    {
        UserId = userId,
        Role = MentorRole.Resident,
        Institution = $"{school.Name} Hospital",
        City = school.City,
        JurisdictionCode = school.JurisdictionCode,
        Latitude = school.Latitude,
        Longitude = school.Longitude,
        Offers = offers,
        Format = format,
        Bio = "A radiology resident who enjoys helping students start research.",
        Capacity = capacity,
        Status = status,
        CreatedAt = at,
        UpdatedAt = at,
        SubmittedAt = at,
        ApprovedAt = MentoringRules.Approved(status) ? at : null,
        Subspecialties = subspecialties,
    };

    /// <summary>Adds <paramref name="count"/> active mentors spread over the schools and subspecialties, some full.</summary>
    public static async Task AddActiveAsync(AppDbContext db, int count)
    {
        ArgumentNullException.ThrowIfNull(db);
        var schools = await db.Schools.OrderBy(s => s.Id).ToListAsync();
        var at = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var start = 0; start < count; start += 2_000)
        {
            // Loaded again for each batch: the last batch's (fixed-up) mentors must not come back with them.
            var subspecialties = await db.Subspecialties.OrderBy(s => s.Id).ToListAsync();
            for (var i = start; i < Math.Min(count, start + 2_000); i++)
            {
                var user = new ApplicationUser { UserName = $"bulk.mentor{i}@example.org", Email = $"bulk.mentor{i}@example.org", DisplayName = $"Bulk Mentor {i:D5}", SecurityStamp = "s" };
                db.Users.Add(user);
                var profile = Make(user.Id, schools[i % schools.Count], [subspecialties[i % subspecialties.Count]], 1 + (i % 3), MentorStatus.Active,
                    (MentorFormat)(i % 3), MentoringRules.AllOffers[i % MentoringRules.AllOffers.Count], at.AddMinutes(i));
                profile.ActiveMentees = i % 4 == 0 ? profile.Capacity : 0;
                db.MentorProfiles.Add(profile);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>A directory with a given number of mentors; the finder's statement budget must hold at every size.</summary>
public abstract class SizedMentorsFactory(int mentors) : RigDirectoryFactory, IAsyncLifetime
{
    public async Task InitializeAsync() => await WithDbAsync(db => TestMentors.AddActiveAsync(db, mentors));

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>How many SQL statements one signed-in request for <paramref name="url"/> sends.</summary>
    public async Task<int> CountCommandsAsync(string url)
    {
        using var client = CreateClientAs("budget-student", Web.Security.Roles.Student);
        Commands.Reset();
        using var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return Commands.Count;
    }
}

public sealed class TenMentorsFactory() : SizedMentorsFactory(10);

public sealed class TenThousandMentorsFactory() : SizedMentorsFactory(10_000);
