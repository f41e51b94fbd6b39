using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RigDirectory.BrowserTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace RigDirectory.BrowserTests;

public sealed class EventsJourneyTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private const string Password = "events journey password";

    private static string Local(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task LeaderAddsAHybridWorkshop_StudentFindsItOnlineAndAddsItToACalendar_AdminRunsAConferenceWithAWaitlist()
    {
        var leaderUser = await app.CreateUserAsync("lena.leader@example.org", Password, emailConfirmed: true, Roles.RigLeader);
        await app.WithDbAsync(async db =>
        {
            // A school in Central time with no RIG yet (the demo data fills many).
            var school = await db.Schools.Where(s => !s.Rigs.Any() && s.Jurisdiction!.TimeZoneId == "America/Chicago").OrderBy(s => s.Slug).Select(s => s.Slug).FirstAsync();
            var rig = await TestRigs.MakeAsync(db, "journey-events-rig", "Journey Radiology Society", school, RigStatus.Approved, r =>
                r.Officers.Add(new RigOfficer { UserId = leaderUser.Id, Position = "President", GraduationYear = 2028 }));
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
        });
        await app.EvictDirectoryAsync();
        var day = DateTime.UtcNow.Date.AddDays(30);

        // A leader adds a hybrid workshop from My RIGs, in Chicago time.
        var leader = await app.SignedInPageAsync("lena.leader@example.org", Password);
        await leader.GotoAsync("/my/rigs");
        await leader.GetByRole(AriaRole.Link, new() { Name = "Events of Journey Radiology Society" }).ClickAsync();
        await leader.GetByRole(AriaRole.Link, new() { Name = "Add an event" }).ClickAsync();
        await leader.GetByLabel("Title").FillAsync("Hybrid ultrasound workshop");
        await leader.GetByLabel("Kind of event").SelectOptionAsync(new SelectOptionValue { Label = "Hands-on workshop" });
        await leader.Locator("#Input_Starts").FillAsync(Local(day.AddHours(18)));
        await leader.Locator("#Input_Ends").FillAsync(Local(day.AddHours(19).AddMinutes(30)));
        await leader.GetByLabel("Time zone").SelectOptionAsync(new SelectOptionValue { Label = "Central (Chicago, Houston)" });
        await leader.GetByLabel("hybrid (in person and online)").CheckAsync();
        await leader.GetByLabel("Place (in person and hybrid)").FillAsync("Simulation centre, room 2");
        await leader.GetByLabel("Join link (virtual and hybrid)").FillAsync("https://meet.example.org/hybrid-workshop");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Publish the event" }).ClickAsync();
        await Expect(leader.GetByText("Hybrid ultrasound workshop is published.")).ToBeVisibleAsync();

        // A student finds it among the events they can join online, and adds it to their calendar.
        var finder = await app.NewPageAsync();
        await finder.GotoAsync("/events");
        await finder.GetByLabel("Only events I can join online").CheckAsync();
        await finder.GetByRole(AriaRole.Button, new() { Name = "Find events" }).ClickAsync();
        await finder.GetByRole(AriaRole.Link, new() { Name = "Hybrid ultrasound workshop" }).ClickAsync();
        await Expect(finder.Locator("#event-when")).ToContainTextAsync("6:00 PM – 7:30 PM Central");
        await Expect(finder.Locator("body")).Not.ToContainTextAsync("hybrid-workshop");
        var download = await finder.RunAndWaitForDownloadAsync(() => finder.GetByRole(AriaRole.Link, new() { Name = "Download .ics" }).ClickAsync());
        var calendar = Ical.Net.Calendar.Load(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        var workshop = Assert.Single(calendar.Events);
        Assert.Equal("Hybrid ultrasound workshop", workshop.Summary);
        Assert.Equal("America/Chicago", workshop.DtStart!.TzId);
        Assert.Equal(18, workshop.DtStart.Hour);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/Chicago");
        Assert.DoesNotContain("hybrid-workshop", workshop.Location + workshop.Description, StringComparison.Ordinal);

        // An admin creates a virtual conference with two seats.
        var admin = await app.AdminPageAsync();
        await admin.GotoAsync("/admin/events");
        await admin.GetByRole(AriaRole.Link, new() { Name = "New virtual networking conference" }).ClickAsync();
        await admin.GetByLabel("Title").FillAsync("Journey networking night");
        await admin.Locator("#Input_Starts").FillAsync(Local(day.AddDays(5).AddHours(19)));
        await admin.Locator("#Input_Ends").FillAsync(Local(day.AddDays(5).AddHours(21)));
        await admin.Locator("#Input_RegistrationCloses").FillAsync("");
        await admin.GetByLabel("Join link (virtual and hybrid)").FillAsync("https://meet.example.org/networking-night");
        await admin.GetByLabel("Seats").FillAsync("2");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish the event" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Journey networking night", Level = 1 })).ToBeVisibleAsync();
        var conference = admin.Url;

        // Three students register: two get seats and the join link, the third waits without it.
        var students = new List<IPage>();
        for (var i = 1; i <= 3; i++)
        {
            await app.CreateUserAsync($"journey.student{i}@example.org", Password);
            var student = await app.SignedInPageAsync($"journey.student{i}@example.org", Password);
            await student.GotoAsync(conference);
            await student.GetByRole(AriaRole.Button, new() { Name = i < 3 ? "Register" : "Join the waitlist" }).ClickAsync();
            students.Add(student);
        }

        await Expect(students[0].Locator("#my-status")).ToContainTextAsync("You are registered");
        await Expect(students[0].Locator("#join-link")).ToHaveAttributeAsync("href", "https://meet.example.org/networking-night");
        await Expect(students[2].Locator("#my-status")).ToContainTextAsync("number 1 on the waitlist");
        await Expect(students[2].Locator("#join-link")).ToHaveCountAsync(0);
        await Expect(students[2].Locator("body")).Not.ToContainTextAsync("networking-night");

        // One gives up their seat: the waitlisted student is moved in and emailed.
        students[1].Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await students[1].GetByRole(AriaRole.Button, new() { Name = "Cancel my registration" }).ClickAsync();
        await Expect(students[1].GetByText("You gave up your seat")).ToBeVisibleAsync();
        await Expect(students[1].Locator("#join-link")).ToHaveCountAsync(0);
        var email = await app.WaitForEmailToAsync("journey.student3@example.org", "A seat opened up");
        Assert.Contains("Journey networking night", email.Subject, StringComparison.Ordinal);
        await students[2].ReloadAsync();
        await Expect(students[2].Locator("#my-status")).ToContainTextAsync("You are registered");
        await Expect(students[2].Locator("#join-link")).ToHaveAttributeAsync("href", "https://meet.example.org/networking-night");

        // The pages of the journey have no serious or critical accessibility problems.
        var violations = new List<string>();
        foreach (var (page, url) in new[] { (finder, "/events"), (finder, conference), (students[2], "/my/events"), (leader, "/my/rigs"), (admin, "/admin/events"), (admin, "/admin/events/new") })
        {
            await page.GotoAsync(url);
            var results = await page.AxeViolationsAsync();
            violations.AddRange(results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{url}: {v.Id} — {v.Help}"));
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
