using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RigDirectory.BrowserTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace RigDirectory.BrowserTests;

public sealed class FundingJourneyTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private const string Password = "funding journey password";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task AdminPublishesAToolkitAndOpensACall_LeaderApplies_AdminAwards_LeaderReports_ThenTheRigIsNominatedChosenAndBadged()
    {
        var leaderUser = await app.CreateUserAsync("fiona.funded@example.org", Password, emailConfirmed: true, Roles.RigLeader);
        var now = DateTime.UtcNow;
        var (slug, eventId) = await app.WithDbAsync(async db =>
        {
            var school = await db.Schools.Where(s => !s.Rigs.Any()).OrderBy(s => s.Slug).Select(s => s.Slug).FirstAsync();
            var rig = await TestRigs.MakeAsync(db, "journey-funded-rig", "Journey Funded Radiology Society", school, RigStatus.Approved, r =>
            {
                r.ApprovedAt = now.AddDays(-100);
                r.LastVerifiedAt = now.AddDays(-10);
                r.Officers.Add(new RigOfficer { UserId = leaderUser.Id, Position = "President", GraduationYear = 2028 });
            });
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            var workshop = TestEvents.Make("Journey ultrasound workshop", now.AddDays(14), rigId: rig.Id);
            db.Events.Add(workshop);
            await db.SaveChangesAsync();
            return (rig.Slug, workshop.Id);
        });
        await app.EvictDirectoryAsync();

        // An admin publishes a toolkit and opens a funding call.
        var admin = await app.AdminPageAsync();
        await admin.GotoAsync("/admin/resources/new");
        await admin.GetByLabel("Title").FillAsync("AI journal club toolkit");
        await admin.GetByLabel("Summary").FillAsync("How to run a journal club on AI papers in radiology, with a reading list.");
        await admin.GetByLabel("Text (Markdown)").FillAsync("## Reading list\n- One paper a month.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(admin.GetByText("\"AI journal club toolkit\" is published.")).ToBeVisibleAsync();
        await admin.GotoAsync("/admin/funding");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Open a funding call" }).ClickAsync();
        await admin.GetByLabel("Title").FillAsync("Journey workshop grants");
        await admin.GetByLabel("What it funds").FillAsync("Hands-on workshops where every student practises.");
        await admin.GetByLabel("Most per award (US$)").FillAsync("500");
        await admin.GetByLabel("Total budget (US$)").FillAsync("5000");
        await admin.GetByLabel("Questions applicants answer (one per line, up to 5)").FillAsync("What will students learn?");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Open the call" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Journey workshop grants", Level = 1 })).ToBeVisibleAsync();
        var console = admin.Url;

        // The leader applies for the workshop.
        var leader = await app.SignedInPageAsync("fiona.funded@example.org", Password);
        await leader.GotoAsync("/funding");
        await leader.GetByRole(AriaRole.Link, new() { Name = "Journey workshop grants" }).ClickAsync();
        await leader.GetByRole(AriaRole.Link, new() { Name = "Apply for Journey Funded Radiology Society" }).ClickAsync();
        await leader.GetByLabel("The event it funds").SelectOptionAsync(eventId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await leader.GetByLabel("Budget item 1").FillAsync("Gel, probe covers and lunch");
        await leader.GetByLabel("Amount of item 1").FillAsync("450");
        await leader.GetByLabel("Amount asked (US$)").FillAsync("400");
        await leader.GetByLabel("What will students learn?").FillAsync("The FAST exam, taught by two residents.");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Submit the application" }).ClickAsync();
        await Expect(leader.GetByText("Your application is submitted.")).ToBeVisibleAsync();

        // The admin awards it from the console.
        await admin.GotoAsync(console);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Journey Funded Radiology Society" }).ClickAsync();
        await admin.GetByRole(AriaRole.Radio, new() { Name = "Award", Exact = true }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(admin.GetByText("Awarded $400 to Journey Funded Radiology Society; $4,600 is left.")).ToBeVisibleAsync();
        var awarded = await app.WaitForEmailToAsync("fiona.funded@example.org", "is awarded $400");
        Assert.Contains("/funding/applications/", awarded.HtmlBody, StringComparison.Ordinal);

        // The workshop takes place; the leader files the report with a photo.
        await app.WithDbAsync(db => db.Events.Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.StartsAt, now.AddHours(-3)).SetProperty(x => x.EndsAt, now.AddHours(-1))));
        await leader.GotoAsync("/funding");
        await leader.GetByRole(AriaRole.Link, new() { Name = "Journey workshop grants" }).First.ClickAsync();
        await leader.GetByRole(AriaRole.Link, new() { Name = "File the report" }).ClickAsync();
        await leader.GetByLabel("Students who came").FillAsync("28");
        await leader.GetByLabel("What happened").FillAsync("Twenty-eight students scanned each other at four stations.");
        await leader.GetByLabel("Photos (optional)").SetInputFilesAsync(new FilePayload { Name = "stations.png", MimeType = "image/png", Buffer = Png });
        await leader.GetByRole(AriaRole.Button, new() { Name = "File the report" }).ClickAsync();
        await Expect(leader.GetByText("Thank you: the report is filed.")).ToBeVisibleAsync();
        await Expect(leader.Locator("#report")).ToContainTextAsync("28");

        // The admin creates an award, nominates the RIG from its profile, reads its record and chooses it.
        await admin.GotoAsync("/admin/awards");
        await admin.GetByLabel("Name").FillAsync("Outstanding RIG");
        await admin.GetByLabel("Criteria").FillAsync("A full year of sessions that students come back to.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create the award" }).ClickAsync();
        var year = (now.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Expect(admin.GetByText($"Outstanding RIG {year} is open for nominations.")).ToBeVisibleAsync();
        await admin.GotoAsync($"/rigs/{slug}");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Nominate this RIG for an award" }).ClickAsync();
        await admin.GetByLabel($"Outstanding RIG {year}").CheckAsync();
        await admin.GetByLabel("Why this RIG").FillAsync("It ran a funded ultrasound workshop for twenty-eight students and reported on it within days.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send the nomination" }).ClickAsync();
        await Expect(admin.GetByText($"is nominated for Outstanding RIG {year}")).ToBeVisibleAsync();
        await admin.GotoAsync("/admin/awards");
        await admin.GetByRole(AriaRole.Link, new() { Name = $"Outstanding RIG {year}" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Journey Funded Radiology Society" }).ClickAsync();
        await Expect(admin.Locator("#record-reports")).ToHaveTextAsync("1");
        admin.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Choose as a winner" }).ClickAsync();
        await Expect(admin.GetByText("the badge is on its profile and in the list")).ToBeVisibleAsync();

        // Anyone sees the badge on the profile and in the list of award winners.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/rigs/{slug}");
        await Expect(visitor.Locator("#awards")).ToContainTextAsync($"Outstanding RIG {year}");
        await visitor.GotoAsync("/rigs");
        await visitor.GetByLabel("Award winners only").CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var row = visitor.Locator(".rig-results li", new() { HasText = "Journey Funded Radiology Society" });
        await Expect(row.Locator(".award-badge")).ToContainTextAsync($"Outstanding RIG {year}");

        // The journey's new pages have no serious or critical accessibility problems.
        var violations = new List<string>();
        foreach (var (page, url) in new[] { (visitor, "/funding"), (visitor, "/awards"), (leader, "/funding"), (admin, console), (admin, "/admin/funding"), (admin, "/admin/awards") })
        {
            await page.GotoAsync(url);
            var results = await page.AxeViolationsAsync();
            violations.AddRange(results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{url}: {v.Id} — {v.Help}"));
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
