using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Data.Seed;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

public sealed class SeedingTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private async Task InitializeAgainAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    private Task<(int Regions, int Jurisdictions, int Schools, int Roles)> CountsAsync() =>
        factory.WithDbAsync(async db => (
            await db.Regions.CountAsync(),
            await db.Jurisdictions.CountAsync(),
            await db.Schools.CountAsync(),
            await db.Roles.CountAsync()));

    [Fact]
    public async Task Start_SeedsAllSchoolsRegionsAndRoles()
    {
        var counts = await CountsAsync();

        Assert.Equal((11, 65, 284, 4), counts);
    }

    [Fact]
    public async Task Seed_RunTwice_DuplicatesNothing()
    {
        var before = await CountsAsync();

        await InitializeAgainAsync();
        await InitializeAgainAsync();

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Seed_AddsTheSubspecialties_AndNeverUndoesAnAdminsRenameOrRetirement()
    {
        await factory.WithDbAsync(db => db.Subspecialties.Where(s => s.Slug == "body-imaging")
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "Abdominal imaging").SetProperty(x => x.IsRetired, true)));

        await InitializeAgainAsync();

        var subspecialties = await factory.WithDbAsync(db => db.Subspecialties.ToListAsync());
        Assert.Equal(12, subspecialties.Count);
        var edited = subspecialties.Single(s => s.Slug == "body-imaging");
        Assert.Equal("Abdominal imaging", edited.Name);
        Assert.True(edited.IsRetired);
    }

    [Fact]
    public async Task Seed_PlacesEveryStateAndProvinceInTheBriefsRegion()
    {
        var regionOf = await factory.WithDbAsync(db => db.Jurisdictions.Select(j => new { j.Code, Region = j.Region!.Slug }).ToDictionaryAsync(j => j.Code, j => j.Region));

        Assert.Equal("us-region-4", regionOf["US-PR"]);
        Assert.Equal("us-region-6", regionOf["US-DC"]);
        Assert.Equal("us-region-1", regionOf["US-ND"]);
        Assert.Equal("canada-ontario", regionOf["CA-ON"]);
        Assert.Equal("canada-atlantic", regionOf["CA-PE"]);
        Assert.Equal("canada-western", regionOf["CA-YT"]);
        Assert.Equal(11, regionOf.Values.Distinct().Count());
    }

    [Fact]
    public async Task Seed_LoadsSchoolFactsFromTheCsv()
    {
        var school = await factory.WithDbAsync(db => db.Schools.AsNoTracking().SingleAsync(s => s.Slug == "rowan-som-sewell"));

        Assert.Equal("Sewell", school.Campus);
        Assert.Equal("US-NJ", school.JurisdictionCode);
        Assert.Equal(DegreeType.DO, school.Degree);
        Assert.InRange(school.Latitude, 39.0, 40.5);
    }

    [Fact]
    public async Task Seed_RunAgain_RestoresAnUneditedSchool_ButKeepsAnAdminEdit()
    {
        await factory.WithDbAsync(async db =>
        {
            var drifted = await db.Schools.SingleAsync(s => s.Slug == "uab-heersink-som");
            drifted.City = "Somewhere Else";
            var edited = await db.Schools.SingleAsync(s => s.Slug == "uams-com");
            edited.City = "Little Rock (edited by an admin)";
            edited.IsSeedManaged = false;
            await db.SaveChangesAsync();
        });

        await InitializeAgainAsync();

        var cities = await factory.WithDbAsync(db => db.Schools.Where(s => s.Slug == "uab-heersink-som" || s.Slug == "uams-com").ToDictionaryAsync(s => s.Slug, s => s.City));
        Assert.Equal("Birmingham", cities["uab-heersink-som"]);
        Assert.Equal("Little Rock (edited by an admin)", cities["uams-com"]);
    }

    [Fact]
    public async Task Seed_RunAgain_KeepsAnAdminsRegionEdit()
    {
        await factory.WithDbAsync(async db =>
        {
            var region = await db.Regions.SingleAsync(r => r.Slug == "canada-quebec");
            region.Name = "Québec";
            await db.SaveChangesAsync();
        });

        await InitializeAgainAsync();

        Assert.Equal("Québec", await factory.WithDbAsync(db => db.Regions.Where(r => r.Slug == "canada-quebec").Select(r => r.Name).SingleAsync()));
    }

    [Fact]
    public async Task OutsideDevelopment_DemoRowsAreRemovedOnStart()
    {
        await factory.WithDbAsync(async db =>
        {
            var school = await db.Schools.FirstAsync();
            var rig = new Rig { Slug = "leaked-demo-rig", Name = "Leaked demo RIG", SchoolId = school.Id, Status = RigStatus.Approved, IsDemo = true };
            db.Rigs.Add(rig);
            var workshop = TestEvents.Make("Leaked workshop", DateTime.UtcNow.AddDays(5));
            workshop.Rig = rig;
            workshop.IsDemo = true;
            var call = new FundingCall { Slug = "leaked-call", Title = "Leaked call", Funds = "Demo", MaxAward = 1, Budget = 1, IsDemo = true };
            db.FundingApplications.Add(new FundingApplication { Call = call, Rig = rig, Event = workshop, IsDemo = true });
            db.Awards.Add(new Award { Slug = "leaked-award", Name = "Leaked", Title = "Leaked 2025", Year = 2025, Criteria = "Demo", IsDemo = true, Nominations = [new Nomination { Rig = rig, Statement = "Demo", NominatedBy = "Demo", IsDemo = true }] });
            db.Users.Add(new ApplicationUser { UserName = "leaked@demo.example", Email = "leaked@demo.example", IsDemo = true, SecurityStamp = "x" });
            db.CoverageSnapshots.Add(new CoverageSnapshot { Month = new DateOnly(2025, 1, 1), RegionId = (await db.Regions.FirstAsync()).Id, IsDemo = true });
            await db.SaveChangesAsync();
        });

        await InitializeAgainAsync();

        Assert.False(await factory.WithDbAsync(db => db.CoverageSnapshots.AnyAsync(c => c.IsDemo)));
        Assert.False(await factory.WithDbAsync(async db => await db.FundingCalls.AnyAsync() || await db.FundingApplications.AnyAsync() || await db.Awards.AnyAsync() || await db.Events.AnyAsync(e => e.IsDemo)));
        Assert.False(await factory.WithDbAsync(db => db.Rigs.AnyAsync(r => r.IsDemo)));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.IsDemo)));
    }

    [Fact]
    public async Task Testing_CreatesNoDemoAccounts()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        foreach (var (email, _, _) in DemoOptions.Accounts)
        {
            Assert.Null(await users.FindByEmailAsync(email));
        }
    }
}

public sealed class BootstrapAdminTests(BootstrapAdminFactory factory) : IClassFixture<BootstrapAdminFactory>
{
    [Fact]
    public async Task BootstrapAdmin_FromConfiguration_CanSignInToTheAdminConsole()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var signedIn = await client.SubmitFormAsync("/Identity/Account/Login", "form#account", new Dictionary<string, string>
        {
            ["Input.Email"] = BootstrapAdminFactory.Email,
            ["Input.Password"] = BootstrapAdminFactory.Password,
        });
        using var landing = await client.GetAsync(signedIn.Headers.Location);

        Assert.Equal("/admin", landing.Headers.Location!.OriginalString);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Single(await users.GetUsersInRoleAsync(Roles.AcrAdmin));
    }
}

public sealed class DemoDataTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    [Fact]
    public async Task Development_SeedsApprovedRigsAtAboutTwoThirdsOfSchools_AndSomeWaitingForReview()
    {
        var (schools, withApprovedRig, waiting, changesRequested) = await factory.WithDbAsync(async db => (
            await db.Schools.CountAsync(),
            await db.Schools.CountAsync(s => s.Rigs.Any(r => r.Status == RigStatus.Approved)),
            await db.Rigs.CountAsync(r => r.Status == RigStatus.Submitted),
            await db.Rigs.CountAsync(r => r.Status == RigStatus.ChangesRequested)));

        Assert.InRange(withApprovedRig / (double)schools, 0.55, 0.75);
        Assert.True(waiting > 0);
        Assert.True(changesRequested > 0);
        Assert.True(await factory.WithDbAsync(db => db.Rigs.AllAsync(r => r.IsDemo && r.Sponsors.Count >= 1 && r.Officers.Count >= 1)));
    }

    [Fact]
    public async Task Development_DemoDataCouldGoInACRsNewsletter()
    {
        var now = DateTime.UtcNow;
        var (submitted, officers, mentors, regional, regionZones, guides) = await factory.WithDbAsync(async db => (
            await db.Rigs.Where(r => r.Status == RigStatus.Submitted || r.Status == RigStatus.ChangesRequested).Select(r => new { r.SubmittedAt, r.UpdatedAt }).ToListAsync(),
            await db.RigOfficers.Where(o => o.EndedAt == null).Select(o => new { o.RigId, o.Position }).ToListAsync(),
            await db.MentorProfiles.Select(m => new { m.Institution, m.City }).ToListAsync(),
            await db.Events.Where(e => e.RigId == null && e.RegionId != null).Select(e => new { e.TimeZoneId, e.RegionId }).SingleAsync(),
            await db.Jurisdictions.Select(j => new { j.RegionId, j.TimeZoneId }).ToListAsync(),
            await db.Resources.Where(r => r.Kind != ResourceKind.Template).Select(r => new { r.Title, r.Body }).ToListAsync()));

        // The review desk waits days, not years; nothing was changed in the future.
        Assert.All(submitted, r => Assert.InRange(r.SubmittedAt!.Value, now.AddDays(-14), now));
        Assert.All(submitted, r => Assert.True(r.UpdatedAt <= now));
        // One officer per position in each RIG: one president, the demo leader's RIG included.
        Assert.Empty(officers.GroupBy(o => (o.RigId, o.Position)).Where(g => g.Count() > 1).Select(g => g.Key));
        // Hospitals named as hospitals are, by their city: no school's name before "Veterans Affairs Medical Center".
        Assert.All(mentors, m => Assert.StartsWith(m.City + " ", m.Institution, StringComparison.Ordinal));
        // The regional conference keeps its region's clock.
        Assert.Contains(regional.TimeZoneId, regionZones.Where(j => j.RegionId == regional.RegionId).Select(j => j.TimeZoneId));
        // Toolkits and guides are read, not skimmed: several paragraphs each.
        Assert.All(guides, g => Assert.True(g.Body.Length >= 600, $"{g.Title} is {g.Body.Length} characters."));
    }

    [Fact]
    public async Task Development_SeedsEveryStateOfUpkeep_StaleAndUnclaimedRigs_AndClaimsWaiting()
    {
        var staleBefore = RigFreshness.StaleBefore(DateTime.UtcNow);
        var (stale, unclaimed, claims, vouched) = await factory.WithDbAsync(async db => (
            await db.Rigs.CountAsync(r => r.Status == RigStatus.Approved && r.LastVerifiedAt < staleBefore),
            await db.Rigs.CountAsync(r => r.Status == RigStatus.Approved && !r.Officers.Any(o => o.EndedAt == null)),
            await db.RigClaims.CountAsync(c => c.Status == ClaimStatus.Waiting && !c.Rig!.Officers.Any(o => o.EndedAt == null)),
            await db.RigClaims.CountAsync(c => c.SponsorConfirmedAt != null)));

        Assert.True(stale > 0);
        Assert.True(unclaimed >= 2);
        Assert.Equal(2, claims);
        Assert.Equal(1, vouched);
        Assert.True(await factory.WithDbAsync(db => db.Resources.CountAsync(r => r.IsDemo && r.Kind == ResourceKind.Toolkit)) >= 3);
    }

    [Fact]
    public async Task Development_SeedsAnOpenAndAClosedFundingCall_WithApplicationsInEveryState_AndLastYearsWinners()
    {
        var now = DateTime.UtcNow;
        var (calls, statesWithRigs, statesApplying, statuses, overdue, winners) = await factory.WithDbAsync(async db => (
            await db.FundingCalls.Select(c => new { c.OpensAt, c.ClosesAt, c.Awarded, c.Budget }).ToListAsync(),
            await db.Rigs.Where(r => r.Status == RigStatus.Approved).Select(r => r.School!.JurisdictionCode).Distinct().CountAsync(),
            await db.FundingApplications.GroupBy(a => a.CallId).Select(g => g.Select(a => a.Rig!.School!.JurisdictionCode).Distinct().Count()).ToListAsync(),
            await db.FundingApplications.Select(a => a.Status).Distinct().ToListAsync(),
            await db.FundingApplications.CountAsync(a => a.Status == FundingStatus.Awarded && a.ReportedAt == null && a.Event!.EndsAt < now.AddDays(-60)),
            await db.Nominations.Where(n => n.SelectedAt != null).Select(n => n.Award!.Year).ToListAsync()));

        Assert.Equal(2, calls.Count);
        Assert.Single(calls, c => c.OpensAt <= now && now < c.ClosesAt);
        Assert.Single(calls, c => c.ClosesAt < now);
        Assert.All(calls, c => Assert.InRange(c.Awarded, 0, c.Budget));
        Assert.Equal([statesWithRigs, statesWithRigs], statesApplying);
        Assert.Equal(Enum.GetValues<FundingStatus>().Order(), statuses.Order());
        Assert.True(overdue > 0);
        Assert.Equal(3, winners.Count);
        Assert.All(winners, year => Assert.Equal(now.Year - 1, year));
    }

    [Fact]
    public async Task Development_TheFundingAndAwardsPages_ShowTheDemoData()
    {
        using var admin = factory.CreateClientAs("demo-pages-admin", Roles.AcrAdmin);
        using var anonymous = factory.CreateNonRedirectingClient();
        var application = await factory.WithDbAsync(db => db.FundingApplications.Where(a => a.ReportedAt != null).Select(a => a.Id).FirstAsync());
        var nomination = await factory.WithDbAsync(db => db.Nominations.Where(n => n.SelectedAt != null).Select(n => n.Id).FirstAsync());

        var console = await admin.GetDocumentAsync("/admin/funding");
        var closed = await admin.GetDocumentAsync("/admin/funding/fall-workshop-grants");
        var decided = await admin.GetDocumentAsync($"/admin/funding/applications/{application}");
        var record = await admin.GetDocumentAsync($"/admin/awards/nominations/{nomination}");
        var calls = await anonymous.GetDocumentAsync("/funding");
        var awards = await anonymous.GetDocumentAsync("/awards");
        var winners = await anonymous.GetDocumentAsync("/rigs?awarded=true");

        Assert.Equal(2, console.QuerySelectorAll("#funding-calls tbody tr").Length);
        Assert.NotNull(console.QuerySelector("#overdue-reports"));
        Assert.True(closed.QuerySelectorAll("#by-region tbody tr").Length > 3);
        Assert.NotNull(decided.QuerySelector("#report"));
        Assert.NotEqual("0", record.QuerySelector("#record-events")!.TextContent.Trim());
        Assert.Equal(2, calls.QuerySelectorAll("#calls > li").Length);
        Assert.Equal(3, awards.QuerySelectorAll("article li").Length);
        Assert.Equal(3, winners.QuerySelectorAll(".rig-results .award-badge").Length);
    }

    [Fact]
    public async Task Development_SeedsThreeYearsOfMonthlyCoverage_ForTheConsolesChart()
    {
        var (regions, months, snapshots) = await factory.WithDbAsync(async db => (
            await db.Regions.CountAsync(),
            await db.CoverageSnapshots.Select(c => c.Month).Distinct().CountAsync(),
            await db.CoverageSnapshots.CountAsync(c => c.IsDemo)));

        Assert.Equal(35, months);
        Assert.Equal(35 * regions, snapshots);
    }

    [Fact]
    public async Task Development_SeedsDemoSignInsForEachRole()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        foreach (var (email, _, role) in DemoOptions.Accounts)
        {
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.True(await users.IsInRoleAsync(user, role));
            Assert.True(await users.CheckPasswordAsync(user, "lantern orchard demo"));
        }
    }

    [Fact]
    public async Task Development_RunAgain_AddsNoSecondDemoSet()
    {
        var before = await factory.WithDbAsync(db => db.Rigs.CountAsync());

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        Assert.Equal(before, await factory.WithDbAsync(db => db.Rigs.CountAsync()));
    }

    [Fact]
    public async Task Development_ShowsTheDemoBanner()
    {
        using var client = factory.CreateNonRedirectingClient();

        var page = await client.GetDocumentAsync("/");

        Assert.NotNull(page.QuerySelector(".demo-banner"));
    }
}
