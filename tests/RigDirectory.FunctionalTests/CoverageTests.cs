using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Stewardship.Coverage;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>The console's coverage and freshness by region and nationally, and its CSV.</summary>
public sealed class CoverageTests : IAsyncLifetime, IDisposable
{
    private readonly RigDirectoryFactory _factory = new();
    private string _otherRegion = "";
    private int _year;

    public void Dispose() => _factory.Dispose();

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        _year = now.Year;
        // Harvard: approved, an officer graduating in 2028 (TestHosts), never verified, one event coming.
        var (harvard, _, _, _) = await TestHosts.ApprovedRigAsync(_factory, "harvard-medical-school");
        // Two mentors in Boston: one taking requests, one paused (not counted).
        await TestMentors.AddAsync(_factory, await _factory.CreateUserAsync("mentor.active@example.org", "coverage mentor password", roles: Roles.Mentor));
        await TestMentors.AddAsync(_factory, await _factory.CreateUserAsync("mentor.paused@example.org", "coverage mentor password", roles: Roles.Mentor), status: MentorStatus.Paused);
        await _factory.WithDbAsync(async db =>
        {
            var e = TestEvents.Make("Reading room tour", now.AddDays(20), rigId: harvard);
            db.Events.Add(e);
            // Tufts, also in the Northeast: verified last month, its only officer graduating this year.
            var leaver = new ApplicationUser { UserName = "leaver@example.org", Email = "leaver@example.org", DisplayName = "Leaver", SecurityStamp = "s" };
            db.Users.Add(leaver);
            db.Rigs.Add(await TestRigs.MakeAsync(db, "tufts-rig", "Tufts RIG", "tufts-som", RigStatus.Approved, r =>
            {
                r.LastVerifiedAt = now.AddMonths(-1);
                r.Officers.Add(new RigOfficer { UserId = leaver.Id, Position = "President", GraduationYear = _year });
            }));
            // Rush: verified 13 months ago, its officer gone (ended), so nobody current.
            db.Rigs.Add(await TestRigs.MakeAsync(db, "rush-rig", "Rush RIG", "rush-medical-college", RigStatus.Approved, r =>
            {
                r.LastVerifiedAt = now.AddMonths(-13);
                r.Officers.Add(new RigOfficer { UserId = leaver.Id, Position = "President", GraduationYear = _year + 3, EndedAt = now.AddMonths(-2) });
            }));
            // Being registered: not counted anywhere.
            db.Rigs.Add(await TestRigs.MakeAsync(db, "bu-rig", "BU RIG", "bu-chobanian-avedisian-som", RigStatus.Submitted));
            await db.SaveChangesAsync();
            _otherRegion = await db.Schools.Where(s => s.Slug == "rush-medical-college").Select(s => s.Jurisdiction!.Region!.Slug).SingleAsync();
        });
    }

    [Fact]
    public async Task TheMap_ShadesEachStateByItsRegionsCoverage_AndMarksSchoolsByTheirRigsFreshness_InShapeAndColour()
    {
        using var admin = _factory.CreateClientAs("coverage-admin", Roles.AcrAdmin);

        var page = await admin.GetDocumentAsync("/admin/coverage");

        string Marker(string school) => page.QuerySelectorAll("#coverage-map svg path[class^='fresh-']").Single(c => c.TextContent.StartsWith(school, StringComparison.Ordinal)).GetAttribute("class")!;
        var northeast = page.QuerySelectorAll("#coverage tbody tr").Select(Cells).Single(c => c[0] == "Region 7 (Northeast)");
        var massachusetts = page.QuerySelector("#coverage-map path[data-code='US-MA']")!;
        Assert.Equal($"cov-b{CoverageMap.BucketOf(int.Parse(northeast[3].TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture))}", massachusetts.GetAttribute("class"));
        Assert.Contains("% of schools have a RIG", massachusetts.TextContent, StringComparison.Ordinal);
        Assert.Equal("fresh-fresh", Marker("Tufts"));
        Assert.Equal("fresh-unclaimed", Marker("Rush Medical College"));
        Assert.Equal("fresh-stale", Marker("Harvard Medical School"));
        Assert.Equal("fresh-norig", Marker("Yale School of Medicine"));
        Assert.Equal(5, page.QuerySelectorAll("#coverage-legend rect").Length);
        // Freshness is told by shape as well as colour (no red beside green): each of the five legend markers differs.
        var shapes = page.QuerySelectorAll("#coverage-map figcaption path[class^='fresh-']").Select(p => p.GetAttribute("d")).ToList();
        Assert.Equal(5, shapes.Distinct().Count());
    }

    private static string[] Cells(AngleSharp.Dom.IElement row) => [.. row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim())];

    [Fact]
    public async Task TheConsole_ShowsEachRegionsCoverageAndFreshness_AndTheNationalTotal()
    {
        using var admin = _factory.CreateClientAs("coverage-admin", Roles.AcrAdmin);
        var schoolsInNortheast = await _factory.WithDbAsync(db => db.Schools.CountAsync(s => s.Jurisdiction!.Region!.Slug == "us-region-7" && s.Status == SchoolStatus.Listed));

        var page = await admin.GetDocumentAsync("/admin/coverage");

        var rows = page.QuerySelectorAll("#coverage tbody tr");
        Assert.Equal(await _factory.WithDbAsync(db => db.Regions.CountAsync()), rows.Length);
        var northeast = Cells(page.QuerySelector("#coverage tbody tr[data-region='us-region-7']")!);
        var percent = (int)Math.Round(200.0 / schoolsInNortheast, MidpointRounding.AwayFromZero);
        Assert.Equal([northeast[0], $"{schoolsInNortheast}", "2", $"{percent}%", "2", "1", "1", "1", "1"], northeast);
        var rush = Cells(page.QuerySelector($"#coverage tbody tr[data-region='{_otherRegion}']")!);
        Assert.Equal("1", rush[2]);
        Assert.Equal(["1", "0", "1", "0", "0"], rush[4..]);
        var national = Cells(page.QuerySelector("#coverage tfoot tr")!);
        Assert.Equal(["United States and Canada", "284", "3", "1%", "3", "1", "2", "1", "1"], national);
        Assert.Contains($"No officer graduating after {_year}", page.QuerySelector("#coverage thead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARigUnverifiedFor13Months_IsListed_AndItsProfileSaysSinceWhen()
    {
        using var admin = _factory.CreateClientAs("coverage-admin", Roles.AcrAdmin);
        using var visitor = _factory.CreateNonRedirectingClient();
        await _factory.EvictDirectoryAsync();

        var page = await admin.GetDocumentAsync("/admin/coverage");
        var rush = await visitor.GetDocumentAsync("/rigs/rush-rig");
        var tufts = await visitor.GetDocumentAsync("/rigs/tufts-rig");

        // Rush was verified 13 months ago; Tufts last month; Harvard was never verified nor approved by the desk.
        var stale = page.QuerySelectorAll("#stale-rigs tbody tr");
        Assert.Equal(["Rush RIG"], stale.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        var since = _factory.Clock.GetUtcNow().UtcDateTime.AddMonths(-13).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Not verified by its leaders since {Web.Domain.EventTimeZones.Day(_factory.Clock.GetUtcNow().UtcDateTime.AddMonths(-13))}.", rush.QuerySelector("#not-verified")?.TextContent.Trim());
        Assert.DoesNotContain("inactive", rush.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Null(tufts.QuerySelector("#not-verified"));
    }

    [Fact]
    public async Task TheCsv_HoldsEveryRegionAndTheNationalTotal()
    {
        using var admin = _factory.CreateClientAs("coverage-admin", Roles.AcrAdmin);

        using var response = await admin.GetAsync("/admin/coverage/coverage.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd().Split("\r\n");
        Assert.Equal("Region,Schools,SchoolsWithApprovedRig,CoveragePercent,ApprovedRigs,VerifiedWithin12Months,NoOfficerGraduatingAfterThisYear,ActiveMentors,UpcomingEvents", lines[0]);
        Assert.Equal(await _factory.WithDbAsync(db => db.Regions.CountAsync()) + 2, lines.Length);
        Assert.Equal("United States and Canada,284,3,1,3,1,2,1,1", lines[^1]);
    }

    [Fact]
    public async Task EachMonthsSnapshot_IsTakenOnce_AndChartedWithTheMonthsBefore()
    {
        using var admin = _factory.CreateClientAs("coverage-admin", Roles.AcrAdmin);
        var regions = await _factory.WithDbAsync(db => db.Regions.CountAsync());
        var empty = await admin.GetDocumentAsync("/admin/coverage");

        var first = await _factory.WithDbAsync(db => CoverageHistory.TakeAsync(db, _factory.Clock.GetUtcNow().UtcDateTime, CancellationToken.None));
        var again = await _factory.WithDbAsync(db => CoverageHistory.TakeAsync(db, _factory.Clock.GetUtcNow().UtcDateTime.AddHours(6), CancellationToken.None));
        var nextMonth = await _factory.WithDbAsync(db => CoverageHistory.TakeAsync(db, _factory.Clock.GetUtcNow().UtcDateTime.AddMonths(1), CancellationToken.None));
        var page = await admin.GetDocumentAsync("/admin/coverage");

        Assert.Contains("No monthly figures yet", empty.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((regions, 0, regions), (first, again, nextMonth));
        Assert.Equal(2, page.QuerySelectorAll("svg#coverage-chart circle").Length);
        var thisMonth = _factory.Clock.GetUtcNow().UtcDateTime.ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        // Newest first: next month's row, then this month's.
        var months = page.QuerySelectorAll("#coverage-history tbody tr");
        Assert.Equal(2, months.Length);
        Assert.Equal(_factory.Clock.GetUtcNow().UtcDateTime.AddMonths(1).ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), Cells(months[0])[0]);
        var latest = Cells(months[1]);
        Assert.Equal([thisMonth, "284", "3", "1%", "1", "2", "1", "1"], latest);
    }

    [Fact]
    public async Task TheHistoryCsv_HoldsEveryRegionsMonths()
    {
        using var admin = _factory.CreateClientAs("coverage-admin", Roles.AcrAdmin);
        var regions = await _factory.WithDbAsync(db => db.Regions.CountAsync());
        await _factory.WithDbAsync(db => CoverageHistory.TakeAsync(db, _factory.Clock.GetUtcNow().UtcDateTime, CancellationToken.None));

        var lines = (await admin.GetStringAsync("/admin/coverage/history.csv")).TrimEnd().Split("\r\n");

        Assert.Equal("Region,Month,Schools,SchoolsWithApprovedRig,ApprovedRigs,VerifiedWithin12Months,NoOfficerGraduatingAfterThatYear,ActiveMentors,UpcomingEvents", lines[0]);
        Assert.Equal(regions + 1, lines.Length);
        var northeastSchools = await _factory.WithDbAsync(db => db.Schools.CountAsync(s => s.Jurisdiction!.Region!.Slug == "us-region-7"));
        Assert.Contains(lines, line => line.EndsWith($",{_factory.Clock.GetUtcNow():yyyy-MM},{northeastSchools},2,2,1,1,1,1", StringComparison.Ordinal));
    }
}

/// <summary>Two instances' workers taking the same month at once: one saves it, the other finds it taken.</summary>
public sealed class CoverageSnapshotRaceTests
{
    [Fact]
    public Task TwoInstancesTakingTheSameMonth_WriteItOnce() => InstanceFactory.TwoAsync(async (first, second) =>
    {
        var now = first.Clock.GetUtcNow().UtcDateTime;

        var taken = await Task.WhenAll(
            Task.Run(() => first.WithDbAsync(db => CoverageHistory.TakeAsync(db, now, CancellationToken.None))),
            Task.Run(() => second.WithDbAsync(db => CoverageHistory.TakeAsync(db, now, CancellationToken.None))));

        var regions = await first.WithDbAsync(db => db.Regions.CountAsync());
        Assert.Equal(regions, taken.Sum());
        Assert.Equal(regions, await first.WithDbAsync(db => db.CoverageSnapshots.CountAsync()));
    });
}
