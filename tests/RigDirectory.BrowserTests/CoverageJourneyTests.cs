using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RigDirectory.BrowserTests.Infrastructure;
using RigDirectory.Web.Data;
using RigDirectory.Web.Data.Seed;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Stewardship.Coverage;
using static Microsoft.Playwright.Assertions;

namespace RigDirectory.BrowserTests;

public sealed class CoverageJourneyTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task AdminReadsCoverageOverThreeYears_DownloadsIt_AndFollowsAStaleRigToItsProfile()
    {
        // Three years of monthly figures: the demo's 35 earlier months and this month's snapshot.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            if (!db.CoverageSnapshots.Any())
            {
                db.CoverageSnapshots.AddRange(DemoCoverageHistory.Generate(await CoverageQueries.ByRegionAsync(db, now, CancellationToken.None), now));
                await db.SaveChangesAsync();
                await CoverageHistory.TakeAsync(db, now, CancellationToken.None);
            }
        }

        var admin = await app.AdminPageAsync();
        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Coverage by region" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Coverage and freshness", Level = 1 })).ToBeVisibleAsync();
        await Expect(admin.Locator("#coverage tfoot th")).ToHaveTextAsync("United States and Canada");
        await Expect(admin.Locator("#coverage tbody tr")).ToHaveCountAsync(11);
        await Expect(admin.Locator("svg#coverage-chart circle")).ToHaveCountAsync(36);

        // The table behind the chart opens from the keyboard.
        await admin.Locator("details summary").FocusAsync();
        await admin.Keyboard.PressAsync("Enter");
        await Expect(admin.Locator("#coverage-history tbody tr")).ToHaveCountAsync(36);

        var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByRole(AriaRole.Link, new() { Name = "Download this table (CSV)" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.StartsWith("Region,Schools,SchoolsWithApprovedRig", csv[0], StringComparison.Ordinal);
        Assert.StartsWith("United States and Canada,", csv[^1], StringComparison.Ordinal);

        var results = await admin.AxeViolationsAsync();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} — {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));

        // The demo has RIGs nobody confirmed for 13 months: the first one's profile says since when.
        var stale = admin.Locator("#stale-rigs tbody tr th a").First;
        var name = await stale.TextContentAsync();
        await stale.ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = name!, Level = 1 })).ToBeVisibleAsync();
        await Expect(admin.Locator("#not-verified")).ToContainTextAsync("Not verified by its leaders since");
    }

    [Fact]
    public async Task AdminFindsALeadersEditInTheAuditLog_AndRevertsOneField()
    {
        // A leader replaced the demo RIG's website with a wrong one (as the edit page records it).
        string slug, name;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rig = db.Rigs.Where(r => r.Status == RigStatus.Approved).OrderBy(r => r.Id).Skip(3).First();
            (slug, name) = (rig.Slug, rig.Name);
            var before = rig.Website;
            rig.Website = "https://wrong.example.org/";
            db.AuditEntries.Add(new AuditEntry
            {
                EntityType = nameof(Rig),
                EntityId = rig.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                RigId = rig.Id,
                Action = AuditAction.Edited,
                UserDisplayName = "A demo leader",
                OccurredAt = DateTime.UtcNow,
                Changes = AuditChanges.Of(nameof(Rig.Website), before, rig.Website).Serialize(),
            });
            await db.SaveChangesAsync();
        }

        var admin = await app.AdminPageAsync();
        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await admin.GetByLabel("RIG").FillAsync(name);
        await admin.GetByLabel("Action").SelectOptionAsync("Edited");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(admin.Locator("#audit tbody tr")).ToHaveCountAsync(1);
        await admin.Locator("#audit tbody tr a").First.ClickAsync();
        await Expect(admin.Locator("#changes")).ToContainTextAsync("https://wrong.example.org/");

        var results = await admin.AxeViolationsAsync();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} — {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));

        await admin.GetByRole(AriaRole.Button, new() { Name = "Revert Website" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("is back to what it was");
        await admin.GotoAsync($"/rigs/{slug}");
        await Expect(admin.Locator("main")).Not.ToContainTextAsync("wrong.example.org");
        await admin.GotoAsync($"/admin/audit?rig={slug}&action=Reverted");
        await Expect(admin.Locator("#audit tbody tr")).ToHaveCountAsync(1);
    }
}
