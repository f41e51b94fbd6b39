using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Events;

namespace RigDirectory.Web.Features.Coverage;

/// <summary>
/// One region's figures, as the console shows them: how many listed schools, how many of those have an approved RIG,
/// how many approved RIGs its leaders confirmed within 12 months, how many have no current officer graduating after
/// this year (the leaders to worry about in May), active mentors, and upcoming events its RIGs or ACR host there.
/// </summary>
public sealed record CoverageRow(
    string Slug, string Region, int Schools, int SchoolsWithRig, int Rigs, int VerifiedWithinYear, int NoOfficerAfterThisYear, int Mentors, int UpcomingEvents)
{
    /// <summary>Schools with an approved RIG, as a whole percentage of listed schools; 0 where there are none.</summary>
    public int CoveragePercent => Schools == 0 ? 0 : (int)Math.Round(100.0 * SchoolsWithRig / Schools, MidpointRounding.AwayFromZero);

    public static CoverageRow National(IReadOnlyCollection<CoverageRow> regions) => new(
        "national", "United States and Canada",
        regions.Sum(r => r.Schools), regions.Sum(r => r.SchoolsWithRig), regions.Sum(r => r.Rigs), regions.Sum(r => r.VerifiedWithinYear),
        regions.Sum(r => r.NoOfficerAfterThisYear), regions.Sum(r => r.Mentors), regions.Sum(r => r.UpcomingEvents));
}

/// <summary>An approved RIG its leaders have not confirmed for 13 months (or since its approval).</summary>
public sealed record StaleRig(string Slug, string Name, string School, string Region, DateTime? LastVerifiedAt, DateTime? ApprovedAt);

public static class CoverageQueries
{
    /// <summary>How many stale RIGs the console lists, longest unverified first.</summary>
    public const int StaleShown = 50;

    /// <summary>The approved RIGs not verified for 13 months, longest first (at most <see cref="StaleShown"/>), and how many there are.</summary>
    public static async Task<(List<StaleRig> Rigs, int Total)> StaleAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var before = RigFreshness.StaleBefore(now);
        var stale = db.Rigs.AsNoTracking().Where(RigVisibility.IsPublic).Where(r => (r.LastVerifiedAt ?? r.ApprovedAt) < before);
        var rigs = await stale.OrderBy(r => r.LastVerifiedAt ?? r.ApprovedAt).ThenBy(r => r.Name).Take(StaleShown)
            .Select(r => new StaleRig(r.Slug, r.Name, r.School!.Name, r.School.Jurisdiction!.Region!.Name, r.LastVerifiedAt, r.ApprovedAt))
            .ToListAsync(cancellationToken);
        return (rigs, rigs.Count < StaleShown ? rigs.Count : await stale.CountAsync(cancellationToken));
    }

    /// <summary>Every region's figures at <paramref name="now"/>, in the regions' order: one statement.</summary>
    public static Task<List<CoverageRow>> ByRegionAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var verifiedSince = now.AddMonths(-12);
        var year = now.Year;
        return db.Regions.AsNoTracking()
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Name)
            .Select(r => new CoverageRow(
                r.Slug,
                r.Name,
                db.Schools.Count(s => s.Jurisdiction!.RegionId == r.Id && s.Status == SchoolStatus.Listed),
                db.Schools.Count(s => s.Jurisdiction!.RegionId == r.Id && s.Status == SchoolStatus.Listed && s.Rigs.AsQueryable().Any(RigVisibility.IsPublic)),
                db.Rigs.Where(RigVisibility.IsPublic).Count(rig => rig.School!.Jurisdiction!.RegionId == r.Id),
                db.Rigs.Where(RigVisibility.IsPublic)
                    .Count(rig => rig.School!.Jurisdiction!.RegionId == r.Id && rig.LastVerifiedAt != null && rig.LastVerifiedAt >= verifiedSince),
                db.Rigs.Where(RigVisibility.IsPublic)
                    .Count(rig => rig.School!.Jurisdiction!.RegionId == r.Id && !rig.Officers.Any(o => o.EndedAt == null && o.GraduationYear > year)),
                db.MentorProfiles.Count(m => m.Status == MentorStatus.Active && m.Jurisdiction!.RegionId == r.Id),
                db.Events.Where(EventQueries.Public)
                    .Count(e => e.Status == EventStatus.Scheduled && e.EndsAt >= now
                        && (e.RigId == null ? e.RegionId == r.Id : e.Rig!.School!.Jurisdiction!.RegionId == r.Id))))
            .ToListAsync(cancellationToken);
    }
}
