using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.Web.Features.Directory.Rigs;

/// <summary>A RIG's public profile in one SQL statement: what any visitor sees, plus what signing in reveals.</summary>
public static class RigProfileQuery
{
    /// <summary>
    /// <paramref name="signedIn"/>: contact emails kept for signed-in students are included;
    /// <paramref name="seesSponsorEmails"/>: the RIG's leaders and ACR staff also see its sponsors' emails.
    /// </summary>
    /// <remarks>
    /// Split into five statements (the RIG, its sponsors, its officers, its mentors, its awards), and a sixth for its events of the past year and to come. As one statement, SQLite joined the
    /// officers and their accounts for every RIG before filtering by this one: 6 ms of <c>sqlite3_step</c> per
    /// request in a CPU trace, against about 0.5 ms for the three small statements.
    /// </remarks>
    public static async Task<RigProfileViewModel?> FindAsync(AppDbContext db, string slug, bool signedIn, bool seesSponsorEmails, DateTime now, CancellationToken cancellationToken)
    {
        var profile = await ProfileAsync(db, slug, signedIn, seesSponsorEmails, now, cancellationToken);
        return profile is null ? null : profile with { Events = await EventsAsync(db, slug, now.AddYears(-1), cancellationToken) };
    }

    private static Task<RigProfileViewModel?> ProfileAsync(AppDbContext db, string slug, bool signedIn, bool seesSponsorEmails, DateTime now, CancellationToken cancellationToken) =>
        db.Rigs.AsNoTracking().Where(RigVisibility.IsPublic)
            .Where(r => r.Slug == slug)
            .Select(r => new RigProfileViewModel(
                r.Slug,
                r.Name,
                r.School!.Slug, r.School.Name, r.School.Campus, r.School.City, r.School.Jurisdiction!.Name, r.School.Country,
                r.School.Jurisdiction.Region!.Slug, r.School.Jurisdiction.Region.Name,
                r.Description, r.HowToGetInvolved, r.Activities, r.MeetingCadence,
                r.ContactVisibility == ContactVisibility.Public || signedIn ? r.ContactEmail : null,
                r.ContactVisibility == ContactVisibility.SignedInOnly && r.ContactEmail != null && !signedIn,
                r.Website, r.InstagramUrl, r.XUrl, r.LinkedInUrl,
                r.FoundedYear, r.LastVerifiedAt, r.ApprovedAt, r.UpdatedAt,
                r.Sponsors.Where(s => s.ConfirmedAt != null).OrderBy(s => s.SortOrder).Select(s => new SponsorViewModel(s.Name, s.Title, s.Department, seesSponsorEmails ? s.Email : null)).ToList(),
                r.Officers.Where(o => o.EndedAt == null).OrderBy(o => o.StartedAt).Select(o => new OfficerViewModel(o.User!.DisplayName, o.Position)).ToList(),
                new List<RigEventViewModel>(),
                r.Mentors.Select(l => l.Mentor!).AsQueryable().Where(MentoringRules.IsFindable).OrderBy(m => m.User!.DisplayName).Select(m => new RigMentorViewModel(m.Id, m.User!.DisplayName, m.Role, m.Institution)).ToList(),
                r.Nominations.Where(n => n.SelectedAt != null).OrderByDescending(n => n.Award!.Year).ThenBy(n => n.Award!.Title).Select(n => new RigAwardViewModel(n.Award!.Slug, n.Award.Title, n.Award.Year)).ToList(),
                now))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);

    private static async Task<List<RigEventViewModel>> EventsAsync(AppDbContext db, string slug, DateTime yearAgo, CancellationToken cancellationToken)
    {
        // Its own events and those it co-hosts, in a statement of their own (SQLite cannot read a correlated subquery
        // of another table inside the split profile), found by the RIG's id and the co-hosted events' ids, each an
        // index seek: matched through the event's RIG, SQLite read every event (68 req/s on misses at 12,000 events).
        var rigId = db.Rigs.Where(r => r.Slug == slug).Select(r => (int?)r.Id);
        var coHosted = db.Set<EventCoHost>().Where(EventRules.CoHostAccepted).Where(c => rigId.Contains((int?)c.RigId)).Select(c => c.EventId);
        return await db.Events.AsNoTracking()
            .Where(e => (rigId.Contains(e.RigId) || (coHosted.Contains(e.Id) && e.Rig!.Status == RigStatus.Approved)) && e.HiddenAt == null && e.StartsAt >= yearAgo)
            .OrderBy(e => e.StartsAt)
            .Select(e => new RigEventViewModel(e.Id, e.Title, e.Type, e.StartsAt, e.EndsAt, e.TimeZoneId, e.Format, e.Location, e.Status, e.Rig!.Slug == slug ? null : e.Rig.Name))
            .ToListAsync(cancellationToken);
    }
}
