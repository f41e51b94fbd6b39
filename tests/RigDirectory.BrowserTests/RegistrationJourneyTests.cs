using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RigDirectory.BrowserTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace RigDirectory.BrowserTests;

public sealed class RegistrationJourneyTests(BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [Fact]
    public async Task WizardAndReviewDesk_HaveNoSeriousOrCriticalAccessibilityViolations()
    {
        await app.CreateUserAsync("axe.student@example.org", "axe student password");
        var student = await app.SignedInPageAsync("axe.student@example.org", "axe student password");
        var admin = await app.AdminPageAsync();
        await student.GotoAsync("/register?q=University");
        await student.Locator("#school-results input:not([disabled])").First.CheckAsync();
        await student.GetByRole(AriaRole.Button, new() { Name = "Start the registration" }).ClickAsync();
        var sponsors = student.Url;

        var violations = new List<string>();
        foreach (var (page, url) in new[] { (student, "/register?q=University"), (student, sponsors.Replace("sponsors", "school?school-q=university", StringComparison.Ordinal)), (student, sponsors), (student, sponsors.Replace("sponsors", "officers", StringComparison.Ordinal)), (student, sponsors.Replace("sponsors", "details", StringComparison.Ordinal)), (student, "/my/rigs"), (admin, "/admin"), (admin, "/admin/reviews") })
        {
            await page.GotoAsync(url);
            var results = await page.AxeViolationsAsync();
            violations.AddRange(results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{url}: {v.Id} — {v.Help}"));
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task ReviewDesk_OnAPhone_ShowsEachRegistrationAsALabelledCard()
    {
        var free = await app.WithDbAsync(db => db.Schools.Where(s => s.Status == SchoolStatus.Listed && !s.Rigs.Any()).OrderBy(s => s.Slug).Select(s => s.Slug).FirstAsync());
        await app.CreateSubmittedRigAsync(free, "Phone Queue RIG", DateTime.UtcNow.AddDays(-3));
        var admin = await app.AdminPageAsync();
        await admin.GotoAsync("/admin/reviews");
        var row = admin.Locator("#queue tbody tr").First;
        const string Display = "element => getComputedStyle(element).display";
        Assert.Equal("table-row", await row.EvaluateAsync<string>(Display));

        await admin.SetViewportSizeAsync(375, 740);

        Assert.Equal("block", await row.EvaluateAsync<string>(Display));
        Assert.Equal("\"School: \"", await row.Locator("td").First.EvaluateAsync<string>("cell => getComputedStyle(cell, '::before').content"));
        Assert.True((await admin.Locator("#queue thead").BoundingBoxAsync())!.Height <= 1);
        Assert.True(await admin.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The review desk scrolls sideways at 375 px.");
    }

    [Fact]
    public async Task EditPage_SchoolPicker_FindsAnotherCampusAsTheLeaderTypes()
    {
        var leader = await app.CreateUserAsync("picker.leader@example.org", "picker leader password", emailConfirmed: true, Web.Security.Roles.RigLeader);
        // Two campuses of one school, neither with a RIG in the demo data: the RIG moves from one to the other.
        var free = await app.WithDbAsync(db => db.Schools.Where(s => s.Status == SchoolStatus.Listed && !s.Rigs.Any())
            .OrderBy(s => s.Slug).Select(s => new { s.Slug, s.Name, s.Campus }).ToListAsync());
        var (from, to) = free.GroupBy(s => s.Name).Where(g => g.Count() >= 2).Select(g => (g.First(), g.Last())).First();
        var id = await app.WithDbAsync(async db =>
        {
            var rig = await TestRigs.MakeAsync(db, "picker-rig", "Picker Radiology", from.Slug, RigStatus.Approved, r =>
            {
                r.Description = "Talks and workshops for every year.";
                r.ContactEmail = "picker.rig@example.org";
                r.Officers.Add(new RigOfficer { UserId = leader.Id, Position = "President", GraduationYear = 2028 });
            });
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return rig.Id;
        });
        var page = await app.SignedInPageAsync("picker.leader@example.org", "picker leader password");

        await page.GotoAsync($"/my/rigs/{id}/edit");
        await Expect(page.Locator("#Input_SchoolSlug")).ToBeCheckedAsync();
        await page.GetByLabel("Moving to another school or campus?").PressSequentiallyAsync($"{to.Name} {to.Campus}");
        await page.Locator($"#school-found input[value='{to.Slug}']").CheckAsync();
        await Expect(page.Locator("#school-count")).ToContainTextAsync("match");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(page.GetByText("The new name or school goes to ACR for review")).ToBeVisibleAsync();
        Assert.Equal(to.Slug, await app.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.PendingSchool!.Slug).SingleAsync()));
    }

    [Fact]
    public async Task SchoolStep_TypeAhead_OffersMatchesAsTheStudentTypes()
    {
        await app.CreateUserAsync("typing.student@example.org", "typing student password");
        var page = await app.SignedInPageAsync("typing.student@example.org", "typing student password");
        var (slug, name) = await app.WithDbAsync(db =>
            db.Schools.Where(s => s.Status == SchoolStatus.Listed && !s.Rigs.Any() && s.Campus == null && s.Name.Length > 12)
                .OrderByDescending(s => s.Slug).Select(s => ValueTuple.Create(s.Slug, s.Name)).FirstAsync());

        await page.GotoAsync("/register");
        await Expect(page.Locator("#school-form")).ToBeHiddenAsync();
        await page.GetByLabel("Find your school by name or city").PressSequentiallyAsync(name[..10]);
        var choice = page.Locator($"input[name=school][value='{slug}']");
        await choice.CheckAsync();
        // Typing on after choosing re-renders the results; the choice survives it.
        var refreshed = await page.RunAndWaitForResponseAsync(
            () => page.GetByLabel("Find your school by name or city").FillAsync(name[..12]),
            response => response.Url.Contains("/register/schools?q=", StringComparison.Ordinal) &&
                Uri.UnescapeDataString(response.Url.Split("?q=")[1]) == name[..12].Trim());
        await refreshed.FinishedAsync();
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 50))");
        await Expect(choice).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the registration" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/register/\d+/sponsors$"));
        Assert.Equal(slug, await app.WithDbAsync(db => db.Rigs.OrderByDescending(r => r.Id).Select(r => r.School!.Slug).FirstAsync()));
    }

    [Fact]
    public async Task SchoolStep_TypeAhead_ASchoolBeingRegistered_PointsToItsStartersAndCannotBeStarted()
    {
        await app.CreateUserAsync("second.starter@example.org", "second starter password");
        var page = await app.SignedInPageAsync("second.starter@example.org", "second starter password");
        var schools = await app.WithDbAsync(db => db.Schools.Where(s => s.Status == SchoolStatus.Listed).Select(s => new { s.Slug, s.City, Free = !s.Rigs.Any() && s.Campus == null }).ToListAsync());
        // A city with one school only, so that the type-ahead lists just that school.
        var (slug, city) = schools.GroupBy(s => s.City).Where(g => g.Count() == 1 && g.Single().Free && g.Key.Length > 5)
            .Select(g => (g.Single().Slug, g.Key)).OrderBy(s => s.Slug, StringComparer.Ordinal).First();
        await app.CreateSubmittedRigAsync(slug, "Already Registering RIG", DateTime.UtcNow.AddDays(-1));

        await page.GotoAsync("/register");
        await page.GetByLabel("Find your school by name or city").PressSequentiallyAsync(city);

        await Expect(page.Locator($"input[name=school][value='{slug}']")).ToBeDisabledAsync();
        await Expect(page.Locator($"#school-results a[href='/schools/{slug}#starters']")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start the registration" })).ToBeDisabledAsync();
    }

    [Fact]
    public async Task NewLeader_RegistersARig_AdminRequestsChanges_ThenApproves_AndTheLeaderKeepsItCurrent()
    {
        const string leaderEmail = "lena.leader@example.org";
        const string coLeaderEmail = "colin.coleader@example.org";
        const string password = "a long leader passphrase";
        var (schoolSlug, schoolName, city) = await app.WithDbAsync(db =>
            db.Schools.Where(s => s.Status == SchoolStatus.Listed && !s.Rigs.Any() && s.Campus == null)
                .OrderBy(s => s.Slug).Select(s => ValueTuple.Create(s.Slug, s.Name, s.City)).FirstAsync());

        // A new user signs up and confirms the email.
        var leader = await app.NewPageAsync();
        await leader.GotoAsync("/Identity/Account/Register");
        await leader.GetByLabel("Your name").PressSequentiallyAsync("Lena Leader");
        await leader.GetByLabel("Email").PressSequentiallyAsync(leaderEmail);
        await leader.GetByLabel("Password", new() { Exact = true }).PressSequentiallyAsync(password);
        await leader.GetByLabel("Confirm password").PressSequentiallyAsync(password);
        await leader.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await leader.GotoAsync(await app.WaitForLinkInEmailToAsync(leaderEmail));
        await Expect(leader.GetByRole(AriaRole.Heading, new() { Name = "Your email is confirmed" })).ToBeVisibleAsync();
        leader = await app.SignedInPageAsync(leaderEmail, password);

        // Step 1: a school without a RIG, reached from its own page.
        await leader.GotoAsync($"/schools/{schoolSlug}");
        await leader.GetByRole(AriaRole.Link, new() { Name = "No RIG yet — start one here" }).ClickAsync();
        await leader.GetByRole(AriaRole.Link, new() { Name = "Start or register a RIG" }).ClickAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "Start the registration" }).ClickAsync();

        // Step 2: a sponsor, who confirms from the emailed link without an account.
        await Expect(leader.GetByRole(AriaRole.Heading, new() { Name = "Faculty sponsor", Level = 1 })).ToBeVisibleAsync();
        await leader.GetByLabel("Name", new() { Exact = true }).FillAsync("Dr. Sam Sponsor");
        await leader.GetByLabel("Institutional email").FillAsync("sam.sponsor@hospital.example");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Add sponsor" }).ClickAsync();
        await Expect(leader.GetByText("Waiting for confirmation")).ToBeVisibleAsync();
        var sponsor = await app.NewPageAsync();
        await sponsor.GotoAsync(await app.WaitForLinkInEmailToAsync("sam.sponsor@hospital.example"));
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Yes, I sponsor this RIG" }).ClickAsync();
        await Expect(sponsor.GetByText("You are confirmed as a faculty sponsor")).ToBeVisibleAsync();
        await leader.ReloadAsync();
        await Expect(leader.GetByText("Confirmed", new() { Exact = true })).ToBeVisibleAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        // Step 3: officers; a co-leader accepts the invitation after signing in.
        await leader.GetByLabel("Co-leader's email").FillAsync(coLeaderEmail);
        await leader.GetByLabel("Their position").FillAsync("Vice President");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        await Expect(leader.GetByText($"An invitation was emailed to {coLeaderEmail}.")).ToBeVisibleAsync();
        await app.CreateUserAsync(coLeaderEmail, password);
        var coLeader = await app.NewPageAsync();
        await coLeader.GotoAsync(await app.WaitForLinkInEmailToAsync(coLeaderEmail));
        await coLeader.GetByLabel("Email").FillAsync(coLeaderEmail);
        await coLeader.GetByLabel("Password").FillAsync(password);
        await coLeader.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await coLeader.GetByLabel("Expected graduation year").FillAsync("2029");
        await coLeader.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation" }).ClickAsync();
        await Expect(coLeader.GetByText("You are now Vice President")).ToBeVisibleAsync();
        await leader.GetByLabel("Your position").FillAsync("President");
        await leader.GetByLabel("Expected graduation year").FillAsync("2028");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        // Step 4: the RIG and its first event, then submit.
        await leader.GetByLabel("RIG name").FillAsync($"{city} Radiology Society");
        await leader.GetByLabel("Description").FillAsync("Lunch talks with radiologists and an ultrasound workshop each term.");
        await leader.GetByLabel("Talks with radiologists").CheckAsync();
        await leader.GetByLabel("Contact email").FillAsync("society@example.org");
        await leader.GetByLabel("Everyone").CheckAsync();
        await leader.GetByLabel("Title").FillAsync("Meet the residents");
        await leader.GetByLabel("Date").FillAsync("2027-02-10");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Save and review" }).ClickAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(leader.GetByText("was submitted for review")).ToBeVisibleAsync();

        // The admin asks for changes.
        var admin = await app.AdminPageAsync();
        await admin.GotoAsync("/admin/reviews");
        await admin.GetByRole(AriaRole.Link, new() { Name = $"{city} Radiology Society" }).ClickAsync();
        await Expect(admin.Locator("#sponsors")).ToContainTextAsync("confirmed");
        await admin.GetByLabel("Request changes").CheckAsync();
        await admin.GetByLabel("Note to the leaders").FillAsync("Please say how first-year students can join.");
        await admin.GetByLabel("When requesting changes, the note is about").SelectOptionAsync("Details");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();

        // The leader fixes it and resubmits.
        await leader.GotoAsync("/my/rigs");
        await Expect(leader.GetByText("Please say how first-year students can join.")).ToBeVisibleAsync();
        // "Make the changes" lands on the step the note is about, the note above its fields.
        await leader.GetByRole(AriaRole.Link, new() { Name = "Make the changes" }).ClickAsync();
        await Expect(leader.Locator("#review-note")).ToContainTextAsync("ACR asked for changes to this step: Please say how first-year students can join.");
        await leader.GetByLabel("How to get involved").FillAsync("First-years: come to the welcome lunch in September.");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Save and review" }).ClickAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();

        // The admin approves; the RIG is on the list and the map at once.
        await admin.GotoAsync("/admin/reviews");
        await admin.GetByRole(AriaRole.Link, new() { Name = $"{city} Radiology Society" }).ClickAsync();
        // Nothing is pre-selected, and publishing asks first: dismissing the question keeps the RIG in review.
        await Expect(admin.GetByLabel("Approve and publish")).Not.ToBeCheckedAsync();
        await admin.GetByLabel("Approve and publish").CheckAsync();
        var question = "";
        void Dismiss(object? sender, IDialog dialog) { question = dialog.Message; _ = dialog.DismissAsync(); }
        admin.Dialog += Dismiss;
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        Assert.Contains($"Publish {city} Radiology Society in the directory now?", question, StringComparison.Ordinal);
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Record the decision" })).ToBeVisibleAsync();
        admin.Dialog -= Dismiss;
        admin.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync($"{app.BaseUrl}/admin/reviews");
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/rigs?q=" + Uri.EscapeDataString($"{city} Radiology Society"));
        await Expect(visitor.GetByRole(AriaRole.Link, new() { Name = $"{city} Radiology Society" })).ToBeVisibleAsync();
        await visitor.GotoAsync("/");
        await Expect(visitor.Locator($"svg .has-rig use[data-s='{schoolSlug}']")).ToHaveCountAsync(1);

        // The leader edits the description; the change is live.
        await leader.GotoAsync("/my/rigs");
        await leader.GetByRole(AriaRole.Link, new() { Name = $"Edit {city} Radiology Society" }).ClickAsync();
        await leader.GetByLabel("Description").FillAsync("Now also running a monthly case conference for all years.");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(leader.GetByText("Your changes are live.")).ToBeVisibleAsync();
        await visitor.GotoAsync("/rigs?q=" + Uri.EscapeDataString(schoolName));
        await visitor.GetByRole(AriaRole.Link, new() { Name = $"{city} Radiology Society" }).ClickAsync();
        await Expect(visitor.Locator("main")).ToContainTextAsync("Now also running a monthly case conference for all years.");
    }
}
