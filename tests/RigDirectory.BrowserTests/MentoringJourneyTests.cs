using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using RigDirectory.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RigDirectory.BrowserTests;

public sealed class MentoringJourneyTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task ResidentOffers_AdminApproves_StudentFindsAndAsks_MentorAccepts_BothSeeEmails_EndingFreesThePlace()
    {
        const string residentEmail = "rita.resident@example.org";
        const string password = "mentoring journey password";
        await app.CreateUserAsync("stan.student@example.org", password);

        // A resident signs up, confirms the email and offers to mentor one student at a time.
        var resident = await app.NewPageAsync();
        await resident.GotoAsync("/Identity/Account/Register");
        await resident.GetByLabel("Your name").PressSequentiallyAsync("Rita Resident");
        await resident.GetByLabel("Email").PressSequentiallyAsync(residentEmail);
        await resident.GetByLabel("Password", new() { Exact = true }).PressSequentiallyAsync(password);
        await resident.GetByLabel("Confirm password").PressSequentiallyAsync(password);
        await resident.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await resident.GotoAsync(await app.WaitForLinkInEmailToAsync(residentEmail));
        resident = await app.SignedInPageAsync(residentEmail, password);
        await resident.GetByRole(AriaRole.Link, new() { Name = "Mentors", Exact = true }).ClickAsync();
        await resident.GetByRole(AriaRole.Link, new() { Name = "Offer to mentor" }).ClickAsync();
        await resident.GetByRole(AriaRole.Link, new() { Name = "Offer to mentor" }).ClickAsync();
        await resident.GetByLabel("Your role").SelectOptionAsync(new SelectOptionValue { Label = "Resident" });
        await resident.GetByLabel("Institution").FillAsync("Massachusetts General Hospital");
        await resident.GetByLabel("City").FillAsync("Boston");
        await resident.GetByLabel("State or province").SelectOptionAsync(new SelectOptionValue { Label = "Massachusetts" });
        await resident.GetByLabel("Musculoskeletal").CheckAsync();
        await resident.GetByLabel("Research projects").CheckAsync();
        await resident.GetByLabel("Virtual", new() { Exact = true }).CheckAsync();
        await resident.GetByLabel("Short bio").FillAsync("A musculoskeletal radiology resident who helps students with their first research project.");
        await resident.GetByLabel("Students at once").FillAsync("1");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Send my offer to ACR" }).ClickAsync();
        await Expect(resident.GetByText("your offer to mentor went to ACR for review")).ToBeVisibleAsync();

        // An admin approves it on the review desk.
        var admin = await app.AdminPageAsync();
        await admin.GotoAsync("/admin/reviews");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Offers to mentor" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Rita Resident" }).ClickAsync();
        await admin.GetByLabel("Approve: students can find and ask them").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(admin.Locator("#mentor-status")).ToHaveTextAsync("Active");

        // A student finds the resident by subspecialty and asks.
        var student = await app.SignedInPageAsync("stan.student@example.org", password);
        await student.GotoAsync("/mentors");
        await student.GetByLabel("Subspecialty").SelectOptionAsync(new SelectOptionValue { Label = "Musculoskeletal" });
        await student.GetByRole(AriaRole.Button, new() { Name = "Find mentors" }).ClickAsync();
        await student.GetByRole(AriaRole.Link, new() { Name = "Rita Resident" }).ClickAsync();
        await Expect(student.Locator("body")).Not.ToContainTextAsync(residentEmail);
        await student.GetByLabel("Your school").FillAsync("Yale School of Medicine");
        await student.GetByLabel("Your message").FillAsync("I am a second-year student at Yale and would love help starting an MSK research project.");
        await student.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();
        await Expect(student.GetByText("Your request went to Rita Resident")).ToBeVisibleAsync();

        // The resident accepts; both now see each other's email and a first step.
        await resident.GotoAsync("/mentoring");
        await Expect(resident.Locator("#waiting-requests")).ToContainTextAsync("MSK research project");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(resident.Locator("#my-mentees .mentee-email")).ToHaveTextAsync("stan.student@example.org");
        await student.GotoAsync("/my/mentors");
        await Expect(student.Locator("#my-mentorships .mentor-email")).ToHaveTextAsync(residentEmail);
        await Expect(student.Locator("#my-mentorships")).ToContainTextAsync("A good first step");

        // Full now: the resident leaves the list of mentors with room until the mentorship ends.
        await student.GotoAsync("/mentors?subspecialty=musculoskeletal");
        await Expect(student.Locator("#mentor-results-status")).ToContainTextAsync("No mentor matches");
        await student.GotoAsync("/my/mentors");
        await student.GetByText("End this mentorship").ClickAsync();
        await student.GetByLabel("A note for Rita Resident (optional)").FillAsync("Thank you, the project is under way!");
        student.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await student.GetByRole(AriaRole.Button, new() { Name = "End the mentorship with Rita Resident" }).ClickAsync();
        await Expect(student.GetByText("The mentorship with Rita Resident has ended")).ToBeVisibleAsync();
        await student.GotoAsync("/mentors?subspecialty=musculoskeletal");
        await Expect(student.Locator("#mentors .mentor-card")).ToHaveCountAsync(1);
        await Expect(student.Locator("#mentors .mentor-room")).ToHaveTextAsync("Has room");

        // The pages of the journey have no serious or critical accessibility problems.
        var violations = new List<string>();
        foreach (var (page, url) in new[] { (student, "/mentors"), (student, "/my/mentors"), (resident, "/mentoring"), (resident, "/mentoring/offer"), (admin, "/admin/mentoring"), (admin, "/admin/reviews/mentors") })
        {
            await page.GotoAsync(url);
            var results = await page.AxeViolationsAsync();
            violations.AddRange(results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{url}: {v.Id} — {v.Help}"));
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
