using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;

namespace RigDirectory.Web.Features.Stewardship.Coverage;

/// <summary>How current a school's RIG is, as the coverage map colours it.</summary>
public enum SchoolFreshness
{
    /// <summary>No approved RIG.</summary>
    NoRig,

    /// <summary>Confirmed by its leaders (or approved) within 12 months.</summary>
    Fresh,

    /// <summary>Between 12 and 13 months: its leaders have been reminded.</summary>
    Due,

    /// <summary>Over 13 months: its profile says "not verified since".</summary>
    Stale,

    /// <summary>Its officers have all graduated.</summary>
    Unclaimed,
}

public sealed record CoverageMapShape(string Code, string Path, string Title, int Bucket);

public sealed record CoverageMapSchool(double X, double Y, string Name, SchoolFreshness Freshness);

/// <summary>States and provinces shaded by their region's coverage, and schools coloured by their RIG's freshness.</summary>
public sealed record CoverageMap(IReadOnlyList<CoverageMapShape> Shapes, IReadOnlyList<CoverageMapSchool> Schools)
{
    /// <summary>The shading classes: 0–19 %, 20–39 %, 40–59 %, 60–79 %, 80–100 %.</summary>
    public static readonly IReadOnlyList<string> Buckets = ["0–19 %", "20–39 %", "40–59 %", "60–79 %", "80–100 %"];

    public static int BucketOf(int percent) => Math.Clamp(percent / 20, 0, Buckets.Count - 1);

    /// <summary>Two statements: each state's region, and each listed school with its RIG's freshness.</summary>
    public static async Task<CoverageMap> BuildAsync(AppDbContext db, MapGeometry geometry, IReadOnlyList<CoverageRow> regions, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(regions);
        var byRegion = regions.ToDictionary(r => r.RegionId);
        var states = await db.Jurisdictions.AsNoTracking().Select(j => new { j.Code, j.Name, j.RegionId }).ToListAsync(cancellationToken);
        var shapes = states
            .Where(s => geometry.ShapesByCode.ContainsKey(s.Code) && byRegion.ContainsKey(s.RegionId))
            .Select(s => (State: s, Shape: geometry.ShapesByCode[s.Code], Region: byRegion[s.RegionId]))
            .Select(x => new CoverageMapShape(x.State.Code, x.Shape.Overview, $"{x.State.Name}: {x.Region.Region}, {x.Region.CoveragePercent} % of schools have a RIG", BucketOf(x.Region.CoveragePercent)))
            .ToList();

        var staleBefore = RigFreshness.StaleBefore(now);
        var dueBefore = now.AddMonths(-Domain.Stewardship.LastReminderMonths);
        var schools = await db.Schools.AsNoTracking().Listed()
            .Select(s => new
            {
                s.Name,
                s.Campus,
                s.Latitude,
                s.Longitude,
                Since = s.Rigs.AsQueryable().Where(RegistrationWorkflow.Approved).Max(r => r.LastVerifiedAt ?? r.ApprovedAt),
                HasRig = s.Rigs.AsQueryable().Any(RegistrationWorkflow.Approved),
                Unclaimed = s.Rigs.AsQueryable().Where(RegistrationWorkflow.Approved).Any(r => !r.Officers.Any(o => o.EndedAt == null)),
            })
            .ToListAsync(cancellationToken);
        var markers = schools.Where(s => s.Latitude != 0 || s.Longitude != 0).Select(s =>
        {
            var (x, y) = geometry.Projection.Project(s.Latitude, s.Longitude);
            var freshness = !s.HasRig ? SchoolFreshness.NoRig
                : s.Unclaimed ? SchoolFreshness.Unclaimed
                : s.Since is null || s.Since < staleBefore ? SchoolFreshness.Stale
                : s.Since < dueBefore ? SchoolFreshness.Due
                : SchoolFreshness.Fresh;
            return new CoverageMapSchool(x, y, School.Label(s.Name, s.Campus), freshness);
        }).ToList();
        return new CoverageMap(shapes, markers);
    }
}
