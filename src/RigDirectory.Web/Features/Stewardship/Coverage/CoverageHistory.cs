using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.Web.Features.Stewardship.Coverage;

/// <summary><c>Coverage:*</c>: whether this instance takes the monthly snapshots, and how often it looks.</summary>
public sealed class CoverageOptions
{
    public const string Section = "Coverage";

    public bool RunWorker { get; set; } = true;

    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromHours(6);
}

/// <summary>The national figures of one month: the regions' snapshots summed.</summary>
public sealed record CoverageMonth(DateOnly Month, int Schools, int SchoolsWithRig, int Rigs, int VerifiedWithinYear, int NoOfficerAfterThisYear, int Mentors, int UpcomingEvents)
{
    public int CoveragePercent => CoverageRow.Percent(SchoolsWithRig, Schools);
}

public static class CoverageHistory
{
    /// <summary>How many months the console charts.</summary>
    public const int MonthsShown = 36;

    public static DateOnly MonthOf(DateTime at) => new(at.Year, at.Month, 1);

    /// <summary>
    /// Takes this month's snapshot unless it exists: one row per region. Safe on several instances at once: the
    /// unique (month, region) index lets one of two racing workers save, and the other finds the month taken.
    /// </summary>
    /// <returns>The rows written (0 when the month was taken already).</returns>
    public static async Task<int> TakeAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var month = MonthOf(now);
        if (await db.CoverageSnapshots.AnyAsync(c => c.Month == month, cancellationToken))
        {
            return 0;
        }

        var rows = await CoverageQueries.ByRegionAsync(db, now, cancellationToken);
        db.CoverageSnapshots.AddRange(rows.Select(r => new CoverageSnapshot
        {
            Month = month,
            RegionId = r.RegionId,
            Schools = r.Schools,
            SchoolsWithRig = r.SchoolsWithRig,
            Rigs = r.Rigs,
            VerifiedWithinYear = r.VerifiedWithinYear,
            NoOfficerAfterThisYear = r.NoOfficerAfterThisYear,
            Mentors = r.Mentors,
            UpcomingEvents = r.UpcomingEvents,
            TakenAt = now,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return rows.Count;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.CoverageSnapshots.AnyAsync(c => c.Month == month, cancellationToken))
            {
                // Another instance took the month first.
                return 0;
            }

            throw;
        }
    }

    /// <summary>The national figures of the last <see cref="MonthsShown"/> months that have a snapshot, oldest first: one statement.</summary>
    public static Task<List<CoverageMonth>> NationalAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var since = MonthOf(now).AddMonths(-(MonthsShown - 1));
        return db.CoverageSnapshots.AsNoTracking()
            .Where(c => c.Month >= since)
            .GroupBy(c => c.Month)
            .OrderBy(g => g.Key)
            .Select(g => new CoverageMonth(g.Key, g.Sum(c => c.Schools), g.Sum(c => c.SchoolsWithRig), g.Sum(c => c.Rigs), g.Sum(c => c.VerifiedWithinYear),
                g.Sum(c => c.NoOfficerAfterThisYear), g.Sum(c => c.Mentors), g.Sum(c => c.UpcomingEvents)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every region's snapshot of every month, for the CSV: region order, then month.</summary>
    public static async Task<List<CoverageHistoryCsvRow>> AllAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.CoverageSnapshots.AsNoTracking()
            .OrderBy(c => c.Region!.SortOrder).ThenBy(c => c.Region!.Name).ThenBy(c => c.Month)
            .Select(c => new { Region = c.Region!.Name, c.Month, c.Schools, c.SchoolsWithRig, c.Rigs, c.VerifiedWithinYear, c.NoOfficerAfterThisYear, c.Mentors, c.UpcomingEvents })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => new CoverageHistoryCsvRow(c.Region, c.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            c.Schools, c.SchoolsWithRig, c.Rigs, c.VerifiedWithinYear, c.NoOfficerAfterThisYear, c.Mentors, c.UpcomingEvents))];
    }
}

public sealed record CoverageHistoryCsvRow(
    string Region, string Month, int Schools, int SchoolsWithApprovedRig, int ApprovedRigs, int VerifiedWithin12Months,
    int NoOfficerGraduatingAfterThatYear, int ActiveMentors, int UpcomingEvents);

/// <summary>Takes each month's snapshot early in the month; checks every <see cref="CoverageOptions.SnapshotInterval"/>.</summary>
public sealed class CoverageSnapshotWorker(IServiceScopeFactory scopes, IOptions<CoverageOptions> options, TimeProvider clock, ILogger<CoverageSnapshotWorker> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.RunWorker;

    protected override TimeSpan Interval => options.Value.SnapshotInterval;

    protected override string Done => "Took this month's coverage snapshot: {Count} regions";

    protected override Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        CoverageHistory.TakeAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, cancellationToken);
}

public static class CoverageServices
{
    public static IServiceCollection AddCoverage(this IServiceCollection services)
    {
        services.AddOptions<CoverageOptions>().BindConfiguration(CoverageOptions.Section);
        services.AddHostedService<CoverageSnapshotWorker>();
        return services;
    }
}
