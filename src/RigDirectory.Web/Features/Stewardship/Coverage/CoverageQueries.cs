using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Events;

namespace RigDirectory.Web.Features.Stewardship.Coverage;

/// <summary>
/// One region's figures, as the console shows them: how many listed schools, how many of those have an approved RIG,
/// how many approved RIGs its leaders confirmed within 12 months, how many have no current officer graduating after
/// this year (the leaders to worry about in May), active mentors, and upcoming events its RIGs or ACR host there.
/// </summary>
public sealed record CoverageRow(
    int RegionId, string Slug, string Region, int Schools, int SchoolsWithRig, int Rigs, int VerifiedWithinYear, int NoOfficerAfterThisYear, int Mentors, int UpcomingEvents)
{
    public int CoveragePercent => Percent(SchoolsWithRig, Schools);

    /// <summary>Schools with an approved RIG, as a whole percentage of listed schools; 0 where there are none.</summary>
    public static int Percent(int schoolsWithRig, int schools) =>
        schools == 0 ? 0 : (int)Math.Round(100.0 * schoolsWithRig / schools, MidpointRounding.AwayFromZero);

    /// <summary>The regions' sums (no region: <see cref="RegionId"/> 0).</summary>
    public static CoverageRow National(IReadOnlyCollection<CoverageRow> regions) => new(
        0, "national", "United States and Canada",
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

    /// <summary>
    /// Every region's figures at <paramref name="now"/>, in the regions' order. Six statements, each one grouped pass
    /// over its table: as one statement of correlated counts per region, SQLite took 5.2 s at 20,000 RIGs and 60,000
    /// events. No aggregate holds a subquery (SQL Server refuses those).
    /// </summary>
    public static async Task<List<CoverageRow>> ByRegionAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var verifiedSince = now.AddMonths(-12);
        var year = now.Year;
        var regions = await db.Regions.AsNoTracking().Active().OrderBy(r => r.SortOrder).ThenBy(r => r.Name)
            .Select(r => new { r.Id, r.Slug, r.Name }).ToListAsync(cancellationToken);
        var schools = await PerRegionAsync(db.Schools.AsNoTracking().Listed().Select(s => s.Jurisdiction!.RegionId), cancellationToken);
        var rigs = await db.Rigs.AsNoTracking().Where(RigVisibility.IsPublic)
            .GroupBy(r => r.School!.Jurisdiction!.RegionId)
            .Select(g => new
            {
                Region = g.Key,
                Rigs = g.Count(),
                Schools = g.Select(r => r.SchoolId).Distinct().Count(),
                Verified = g.Count(r => r.LastVerifiedAt != null && r.LastVerifiedAt >= verifiedSince),
            })
            .ToDictionaryAsync(x => x.Region, cancellationToken);
        var withSuccessor = await db.RigOfficers.AsNoTracking().Where(o => o.EndedAt == null && o.GraduationYear > year)
            .Select(o => o.Rig!).Where(RigVisibility.IsPublic)
            .GroupBy(r => r.School!.Jurisdiction!.RegionId)
            .Select(g => new { Region = g.Key, Count = g.Select(r => r.Id).Distinct().Count() })
            .ToDictionaryAsync(x => x.Region, x => x.Count, cancellationToken);
        var mentors = await PerRegionAsync(db.MentorProfiles.AsNoTracking().Where(MentoringRules.IsFindable).Select(m => m.Jurisdiction!.RegionId), cancellationToken);
        var events = await db.Events.AsNoTracking().Where(EventRules.Public).Where(EventRules.Scheduled).Where(e => e.EndsAt >= now)
            .GroupBy(e => e.RigId == null ? e.RegionId : e.Rig!.School!.Jurisdiction!.RegionId)
            .Select(g => new { Region = g.Key, Count = g.Count() })
            .Where(x => x.Region != null)
            .ToDictionaryAsync(x => x.Region!.Value, x => x.Count, cancellationToken);
        return [.. regions.Select(r =>
        {
            var approved = rigs.GetValueOrDefault(r.Id);
            return new CoverageRow(
                r.Id, r.Slug, r.Name, schools.GetValueOrDefault(r.Id), approved?.Schools ?? 0, approved?.Rigs ?? 0, approved?.Verified ?? 0,
                (approved?.Rigs ?? 0) - withSuccessor.GetValueOrDefault(r.Id), mentors.GetValueOrDefault(r.Id), events.GetValueOrDefault(r.Id));
        })];
    }

    /// <summary>How many rows each region has, from the rows' region ids, in one grouped statement.</summary>
    private static Task<Dictionary<int, int>> PerRegionAsync(IQueryable<int> regionIds, CancellationToken cancellationToken) =>
        regionIds.GroupBy(id => id).Select(g => new { Region = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Region, x => x.Count, cancellationToken);
}
