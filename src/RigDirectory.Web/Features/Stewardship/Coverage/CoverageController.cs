using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RigDirectory.Web.Data;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Stewardship.Coverage;

/// <summary>Coverage and freshness by region and nationally, for ACR staff: the page and its CSV.</summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/coverage")]
public sealed class CoverageController(AppDbContext db, MapGeometry geometry, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var regions = await CoverageQueries.ByRegionAsync(db, now, cancellationToken);
        var history = await CoverageHistory.NationalAsync(db, now, cancellationToken);
        var (stale, staleTotal) = await CoverageQueries.StaleAsync(db, now, cancellationToken);
        var map = await CoverageMap.BuildAsync(db, geometry, regions, now, cancellationToken);
        return View(new CoverageViewModel(regions, CoverageRow.National(regions), history, now) { Stale = stale, StaleTotal = staleTotal, Map = map });
    }

    [HttpGet("coverage.csv")]
    public async Task<IActionResult> Csv(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var regions = await CoverageQueries.ByRegionAsync(db, now, cancellationToken);
        var rows = regions.Append(CoverageRow.National(regions)).Select(r => new CoverageCsvRow(
            r.Region, r.Schools, r.SchoolsWithRig, r.CoveragePercent, r.Rigs, r.VerifiedWithinYear, r.NoOfficerAfterThisYear, r.Mentors, r.UpcomingEvents));
        return File(await CsvExport.WriteAsync(rows, cancellationToken), "text/csv; charset=utf-8", $"rigdirectory-coverage-{now:yyyy-MM-dd}.csv");
    }

    /// <summary>Every region's monthly snapshot, for spreadsheets and next year's curators.</summary>
    [HttpGet("history.csv")]
    public async Task<IActionResult> HistoryCsv(CancellationToken cancellationToken) =>
        File(await CsvExport.WriteAsync(await CoverageHistory.AllAsync(db, cancellationToken), cancellationToken), "text/csv; charset=utf-8",
            $"rigdirectory-coverage-history-{clock.GetUtcNow():yyyy-MM-dd}.csv");
}

public sealed record CoverageViewModel(IReadOnlyList<CoverageRow> Regions, CoverageRow National, IReadOnlyList<CoverageMonth> History, DateTime AsOf)
{
    public IReadOnlyList<StaleRig> Stale { get; init; } = [];

    public int StaleTotal { get; init; }

    public CoverageMap Map { get; init; } = new([], []);

    public static string MonthLabel(DateOnly month) => month.ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public LineChart Chart => new("coverage-chart", "Schools with an approved RIG, nationally, by month",
        [.. History.Select(m => (MonthLabel(m.Month), m.CoveragePercent))]);
}

/// <summary>A CSV row: the page's columns, named as its headers.</summary>
public sealed record CoverageCsvRow(
    string Region, int Schools, int SchoolsWithApprovedRig, int CoveragePercent, int ApprovedRigs, int VerifiedWithin12Months,
    int NoOfficerGraduatingAfterThisYear, int ActiveMentors, int UpcomingEvents);
