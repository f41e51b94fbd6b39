using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Testing;

/// <summary>A directory with known RIGs in every status, for the public pages' tests.</summary>
public sealed class DirectoryFactory : RigDirectoryFactory, IAsyncLifetime
{
    public const string BostonEmail = "boston.rig@example.org";
    public const string ChicagoEmail = "chicago.rig.private@example.org";
    public const string SponsorEmail = "dr.sponsor@hospital.example";
    public const string OfficerEmail = "olivia.officer.personal@example.org";

    public async Task InitializeAsync()
    {
        await WithDbAsync(async db =>
        {
            var officer = new ApplicationUser { UserName = OfficerEmail, Email = OfficerEmail, DisplayName = "Olivia Officer", SecurityStamp = "s" };
            db.Users.Add(officer);
            db.Rigs.AddRange(
                await TestRigs.MakeAsync(db, "boston-radiology-society", "Boston Radiology Society", "harvard-medical-school", RigStatus.Approved, rig =>
                {
                    rig.ContactEmail = BostonEmail;
                    rig.ContactVisibility = ContactVisibility.Public;
                    rig.Activities = RigActivities.Talks | RigActivities.Workshops;
                    rig.Description = "Lunch talks & <b>workshops</b>.";
                    rig.Sponsors[0].Email = SponsorEmail;
                    rig.Officers.Add(new RigOfficer { User = officer, UserId = officer.Id, Position = "President", GraduationYear = 2028 });
                }),
                await TestRigs.MakeAsync(db, "chicago-imaging-club", "Chicago Imaging Club", "rush-medical-college", RigStatus.Approved, rig =>
                {
                    rig.ContactEmail = ChicagoEmail;
                    rig.ContactVisibility = ContactVisibility.SignedInOnly;
                    rig.Activities = RigActivities.Talks;
                    rig.LastVerifiedAt = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
                }),
                await TestRigs.MakeAsync(db, "montreal-rig", "Groupe d'intérêt en radiologie de Montréal", "mcgill-fmhs-montreal", RigStatus.Approved, rig => rig.Activities = RigActivities.Research),
                await TestRigs.MakeAsync(db, "osteopathic-imaging", "Osteopathic Imaging Society", "tourocom-harlem", RigStatus.Approved, rig => rig.Activities = RigActivities.Talks | RigActivities.Outreach),
                await TestRigs.MakeAsync(db, "pending-rig", "Pending Secret RIG", "tufts-som", RigStatus.Submitted),
                await TestRigs.MakeAsync(db, "draft-rig", "Draft Secret RIG", "baylor-com", RigStatus.Draft),
                await TestRigs.MakeAsync(db, "rejected-rig", "Rejected Secret RIG", "uchicago-pritzker-som", RigStatus.Rejected),
                await TestRigs.MakeAsync(db, "changes-rig", "Changes Secret RIG", "nyu-grossman-som", RigStatus.ChangesRequested),
                await TestRigs.MakeAsync(db, "archived-rig", "Archived Secret RIG", "weill-cornell-medicine", RigStatus.Archived));
            await db.SaveChangesAsync();
        });
        await EvictDirectoryAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public static class TestRigs
{
    public static readonly IReadOnlyList<string> SecretNames = ["Pending Secret RIG", "Draft Secret RIG", "Rejected Secret RIG", "Changes Secret RIG", "Archived Secret RIG"];

    public static async Task<Rig> MakeAsync(AppDbContext db, string slug, string name, string schoolSlug, RigStatus status, Action<Rig>? configure = null)
    {
        var school = await db.Schools.SingleAsync(s => s.Slug == schoolSlug);
        var rig = Make(slug, name, school.Id, status);
        configure?.Invoke(rig);
        return rig;
    }

    /// <summary>A listed school no RIG holds yet (one RIG holds a school), for tests that need a RIG anywhere.</summary>
    public static Task<string> FreeSchoolAsync(AppDbContext db) =>
        db.Schools.Where(s => s.Status == SchoolStatus.Listed && !s.Rigs.AsQueryable().Any(RegistrationWorkflow.HoldsItsSchool))
            .OrderByDescending(s => s.Id).Select(s => s.Slug).FirstAsync();

    public static Rig Make(string slug, string name, int schoolId, RigStatus status) => new()
    {
        Slug = slug,
        Name = name,
        SchoolId = schoolId,
        Status = status,
        CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        UpdatedAt = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc),
        MeetingCadence = MeetingCadence.Monthly,
        Sponsors = [new FacultySponsor { Name = $"Dr. Sponsor of {name}", Title = "Professor of Radiology", Email = $"sponsor.{slug}@hospital.example", ConfirmedAt = new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc) }],
    };

    /// <summary>
    /// Adds <paramref name="count"/> approved RIGs, each with a sponsor and an officer, at schools without one (one RIG
    /// holds a school), adding campuses beside the real schools when there are more RIGs than free schools.
    /// </summary>
    public static async Task AddApprovedAsync(AppDbContext db, int count)
    {
        var schools = await db.Schools.Where(s => !s.Rigs.AsQueryable().Any(RegistrationWorkflow.HoldsItsSchool)).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        if (schools.Count < count)
        {
            var near = await db.Schools.OrderBy(s => s.Id).ToListAsync();
            var campuses = Enumerable.Range(schools.Count, count - schools.Count).Select(i => new School
            {
                Slug = $"bulk-campus-{i:D5}",
                Name = $"Bulk Campus {i:D5}",
                City = near[i % near.Count].City,
                JurisdictionCode = near[i % near.Count].JurisdictionCode,
                Country = near[i % near.Count].Country,
                Latitude = near[i % near.Count].Latitude,
                Longitude = near[i % near.Count].Longitude,
            }).ToList();
            db.Schools.AddRange(campuses);
            await db.SaveChangesAsync();
            schools.AddRange(campuses.Select(c => c.Id));
        }

        var officers = Enumerable.Range(0, 20)
            .Select(i => new ApplicationUser { UserName = $"bulk{i}@example.org", Email = $"bulk{i}@example.org", DisplayName = $"Bulk Officer {i}", SecurityStamp = "s" })
            .ToList();
        db.Users.AddRange(officers);
        for (var i = 0; i < count; i++)
        {
            var rig = Make($"bulk-rig-{i:D5}", $"Bulk RIG {i:D5}", schools[i % schools.Count], RigStatus.Approved);
            rig.Activities = (RigActivities)((i % 1023) + 1);
            rig.Officers.Add(new RigOfficer { User = officers[i % officers.Count], UserId = officers[i % officers.Count].Id, Position = "President", GraduationYear = 2028 });
            // One event to come and one held, so that event pages and feeds are measured at every size too.
            rig.Events.Add(TestEvents.Make($"Bulk talk {i:D5}", DateTime.UtcNow.Date.AddDays(1 + (i % 300)).AddHours(22), i % 3 == 0 ? EventFormat.Hybrid : EventFormat.InPerson));
            rig.Events.Add(TestEvents.Make($"Bulk workshop {i:D5}", DateTime.UtcNow.Date.AddDays(-1 - (i % 300)).AddHours(22)));
            db.Rigs.Add(rig);
        }

        await db.SaveChangesAsync();
    }
}
