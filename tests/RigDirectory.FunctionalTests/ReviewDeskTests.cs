using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

public sealed class ReviewDeskTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private const string Password = "review desk password";

    /// <summary>A registration as the wizard leaves it after submission, with its leader.</summary>
    private Task<(int Id, ApplicationUser Leader)> SubmittedAsync(string schoolSlug, string name, DateTime submittedAt) =>
        factory.CreateSubmittedRigAsync(schoolSlug, name, submittedAt, Password);

    private HttpClient Admin(string name = "reviewer") => factory.CreateClientAs($"{name}-id", Roles.AcrAdmin);

    private static Task<HttpResponseMessage> DecideAsync(HttpClient admin, int id, string action, string note = "", string step = "") =>
        admin.SubmitFormAsync($"/admin/reviews/{id}", "#decision-form", new Dictionary<string, string> { ["Decision.Action"] = action, ["Decision.Note"] = note, ["Decision.Step"] = step });

    [Theory]
    [InlineData(Roles.Student)]
    [InlineData(Roles.RigLeader)]
    public async Task Queue_AsNonAdmin_IsForbidden(string role)
    {
        using var client = factory.CreateClientAs($"{role}-queue", role);

        using var response = await client.GetAsync("/admin/reviews");

        Assert.Contains("/Identity/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_AsTheRegistrationsOwnLeader_IsForbiddenAndChangesNothing()
    {
        var (id, leader) = await SubmittedAsync("ut-san-antonio-long-som", "Self Approval RIG", factory.Clock.GetUtcNow().UtcDateTime);
        using var client = factory.CreateClientAs(leader.Id, Roles.Student);
        var page = await client.GetDocumentAsync("/my/rigs");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await client.PostAsync($"/admin/reviews/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Decision.Action"] = "Approve",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Contains("/Identity/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(RigStatus.Submitted, await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Queue_ListsWaitingRegistrationsOldestFirst_AndFiltersByRegion()
    {
        var (newer, _) = await SubmittedAsync("baylor-com", "Houston Newer RIG", new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc));
        var (older, _) = await SubmittedAsync("uthealth-mcgovern-ms", "Houston Older RIG", new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc));
        using var admin = Admin();

        var queue = await admin.GetDocumentAsync("/admin/reviews?region=us-region-3");
        var elsewhere = await admin.GetDocumentAsync("/admin/reviews?region=canada-quebec");

        var names = queue.QuerySelectorAll("#queue tbody th a").Select(a => a.TextContent).ToList();
        Assert.True(names.IndexOf("Houston Older RIG") < names.IndexOf("Houston Newer RIG"));
        Assert.Contains($"/admin/reviews/{older}", queue.QuerySelector("#queue")!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains($"/admin/reviews/{newer}", queue.QuerySelector("#queue")!.InnerHtml, StringComparison.Ordinal);
        Assert.Null(elsewhere.QuerySelector("#queue"));
    }

    [Fact]
    public async Task Approve_PublishesTheRig_GrantsLeaderRole_AndEmailsTheLeaders()
    {
        var (id, leader) = await SubmittedAsync("uams-com", "Little Rock Radiology Club", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-3));
        using var anonymous = factory.CreateNonRedirectingClient();
        Assert.DoesNotContain("Little Rock Radiology Club", await anonymous.GetStringAsync("/rigs"), StringComparison.Ordinal);
        using var admin = Admin();

        using var response = await DecideAsync(admin, id, "Approve");

        Assert.Equal("/admin/reviews", response.Headers.Location!.OriginalString);
        Assert.Contains("Little Rock Radiology Club", await anonymous.GetStringAsync("/rigs"), StringComparison.Ordinal);
        var profile = await anonymous.GetStringAsync("/rigs/uams-com-rig");
        Assert.Contains($"Approved on {Web.Domain.EventTimeZones.Day(factory.Clock.GetUtcNow().UtcDateTime)}.", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("Verified by its leaders", profile, StringComparison.Ordinal);
        Assert.Contains($"approved on {factory.Clock.GetUtcNow().ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}", await anonymous.GetStringAsync("/rigs?q=little+rock"), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByIdAsync(leader.Id))!, Roles.RigLeader));
        Assert.Contains("is approved", (await factory.SentEmailsAsync()).LastTo(leader.Email!).Subject, StringComparison.Ordinal);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.RigId == id && a.ToStatus == RigStatus.Approved));
        Assert.Equal(RigStatus.Submitted, audit.FromStatus);
        Assert.Equal("reviewer-id", audit.UserId);
    }

    [Fact]
    public async Task ReviewPage_PreselectsNoDecision_AndADecisionNotChosen_IsRefused()
    {
        var (id, _) = await SubmittedAsync("umass-chan-som", "Worcester Imaging Club", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-2));
        using var admin = Admin();

        var page = await admin.GetDocumentAsync($"/admin/reviews/{id}");
        Assert.Empty(page.QuerySelectorAll("#decision-form input[name='Decision.Action'][checked]"));
        Assert.Contains("Publish Worcester Imaging Club in the directory now?", page.QuerySelector("#decision-form")!.GetAttribute("data-confirm-approve"), StringComparison.Ordinal);
        using var response = await admin.SubmitFormAsync(page, "#decision-form", new Dictionary<string, string> { ["Decision.Note"] = "Looks fine." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose a decision", (await HtmlForms.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RigStatus.Submitted, await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task RequestChanges_WithoutANote_IsRefusedAndNothingChanges()
    {
        var (id, _) = await SubmittedAsync("lsu-new-orleans-som", "New Orleans RIG", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-2));
        using var admin = Admin();

        using var response = await DecideAsync(admin, id, "RequestChanges");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Write a note", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RigStatus.Submitted, await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task RequestChanges_LeaderSeesTheNote_FixesAndResubmits()
    {
        var (id, leader) = await SubmittedAsync("tulane-som", "Tulane Imaging Society", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-5));
        using var admin = Admin();
        using var leaderClient = factory.CreateClientAs(leader.Id, Roles.Student);

        await DecideAsync(admin, id, "RequestChanges", "Please add a second sponsor from the department.").AcceptedAsync();
        var myRigs = await leaderClient.GetDocumentAsync("/my/rigs");
        var sponsors = await leaderClient.GetDocumentAsync($"/register/{id}/sponsors");
        await leaderClient.SubmitFormExpectingRedirectAsync($"/register/{id}/sponsors", "#sponsor-form", new Dictionary<string, string> { ["Input.Name"] = "Dr. Second", ["Input.Email"] = "second@hospital.example" });
        using var resubmitted = await leaderClient.SubmitFormAsync($"/register/{id}/review", $"form[action='/register/{id}/submit']", new Dictionary<string, string>());

        Assert.Contains("Please add a second sponsor", myRigs.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ACR asked for changes", sponsors.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/my/rigs", resubmitted.Headers.Location!.OriginalString);
        var history = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RigId == id && a.ToStatus != null).OrderBy(a => a.Id).Select(a => a.ToStatus).ToListAsync());
        Assert.Equal([RigStatus.ChangesRequested, RigStatus.Submitted], history);
        Assert.Contains("Changes requested", (await factory.SentEmailsAsync()).LastTo(leader.Email!).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestChanges_PointedAtAStep_LandsTheLeaderThereWithTheNoteBesideItsFields()
    {
        var (id, leader) = await SubmittedAsync("meharry-medical-college", "Shreveport Imaging", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-2));
        using var admin = Admin();
        using var leaderClient = factory.CreateClientAs(leader.Id, Roles.Student);

        await DecideAsync(admin, id, "RequestChanges", "Give your vice president's graduation year.", "Officers").AcceptedAsync();
        using var resume = await leaderClient.GetAsync($"/register/{id}");
        var officers = await leaderClient.GetDocumentAsync($"/register/{id}/officers");
        var details = await leaderClient.GetDocumentAsync($"/register/{id}/details");

        Assert.Equal($"/register/{id}/officers", resume.Headers.Location!.OriginalString);
        Assert.Contains("ACR asked for changes to this step: Give your vice president's graduation year.", officers.QuerySelector("#review-note")!.TextContent, StringComparison.Ordinal);
        // The note sits above the step's own form.
        Assert.True(officers.QuerySelector("#review-note")!.CompareDocumentPosition(officers.QuerySelector("#officer-form")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Equal($"/register/{id}/officers", details.QuerySelector("#review-note a")!.GetAttribute("href"));
        var entry = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RigId == id && a.ToStatus == RigStatus.ChangesRequested).Select(a => a.Changes).SingleAsync());
        Assert.Contains("Officers", entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestChanges_PointedAtTheReviewStep_IsRefused()
    {
        var (id, _) = await SubmittedAsync("uthsc-com", "New Orleans Imaging", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-2));
        using var admin = Admin();

        using var response = await DecideAsync(admin, id, "RequestChanges", "Something.", "Review");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(RigStatus.Submitted, await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task RequestChanges_AboutTheSchool_LeaderMovesTheRegistrationToAnotherCampus()
    {
        var (id, leader) = await SubmittedAsync("ubc-fom-island", "Island Imaging", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-2));
        using var admin = Admin();
        using var leaderClient = factory.CreateClientAs(leader.Id, Roles.Student);
        await DecideAsync(admin, id, "RequestChanges", "Your members study in Vancouver: register at that campus.", "School").AcceptedAsync();

        using var resume = await leaderClient.GetAsync($"/register/{id}");
        var found = await leaderClient.GetDocumentAsync($"/register/{id}/school?school-q=UBC");
        using var moved = await leaderClient.SubmitFormAsync($"/register/{id}/school?school-q=UBC", "#school-form", new Dictionary<string, string> { ["school"] = "ubc-fom-vancouver" });

        Assert.Equal($"/register/{id}/school", resume.Headers.Location!.OriginalString);
        Assert.Contains("Your members study in Vancouver", found.QuerySelector("#review-note")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("ubc-fom-island", found.QuerySelectorAll("#school-results input").Select(r => r.GetAttribute("value")));
        Assert.Equal($"/register/{id}/sponsors", moved.Headers.Location!.OriginalString);
        Assert.Equal("ubc-fom-vancouver", await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.School!.Slug).SingleAsync()));
    }

    [Fact]
    public async Task SchoolStep_ASchoolWithARig_IsRefusedAndStaysOnOffer()
    {
        var (id, leader) = await SubmittedAsync("ubc-fom-northern", "Northern Imaging", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-2));
        await SubmittedAsync("ubc-fom-southern", "Southern Imaging", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-2));
        using var admin = Admin();
        using var leaderClient = factory.CreateClientAs(leader.Id, Roles.Student);
        await DecideAsync(admin, id, "RequestChanges", "Check the campus.", "School").AcceptedAsync();

        using var response = await leaderClient.SubmitFormAsync($"/register/{id}/school", "#school-form", new Dictionary<string, string> { ["school"] = "ubc-fom-southern" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("already has a RIG, or one being registered", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#school-results input[value='ubc-fom-southern']"));
        Assert.Equal("ubc-fom-northern", await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.School!.Slug).SingleAsync()));
    }

    [Fact]
    public async Task Reject_ClosesTheRegistrationForTheLeaders()
    {
        var (id, leader) = await SubmittedAsync("south-alabama-whiddon-com", "Duplicate RIG", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        using var admin = Admin();
        using var leaderClient = factory.CreateClientAs(leader.Id, Roles.Student);

        await DecideAsync(admin, id, "Reject", "This school already has a RIG.").AcceptedAsync();
        using var edit = await leaderClient.GetAsync($"/register/{id}/details");

        Assert.Equal(RigStatus.Rejected, await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        Assert.Equal($"/register/{id}/review", edit.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TwoReviewers_TheSecondIsToldItChangedAndSeesTheCurrentState()
    {
        var (id, _) = await SubmittedAsync("lsu-shreveport-som", "Shreveport RIG", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-4));
        using var first = Admin("first-reviewer");
        using var second = Admin("second-reviewer");
        var firstPage = await first.GetDocumentAsync($"/admin/reviews/{id}");
        var secondPage = await second.GetDocumentAsync($"/admin/reviews/{id}");

        using var winner = await first.SubmitFormAsync(firstPage, "#decision-form", new Dictionary<string, string> { ["Decision.Action"] = "Approve" });
        using var loser = await second.SubmitFormAsync(secondPage, "#decision-form", new Dictionary<string, string> { ["Decision.Action"] = "Reject", ["Decision.Note"] = "No." });

        Assert.Equal(HttpStatusCode.Redirect, winner.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
        var page = await HtmlForms.ParseAsync(loser);
        Assert.Contains("Someone else changed this registration", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Approved", page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RigStatus.Approved, await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task StaleApproval_GrantsNoRole_AndQueuesNoEmail()
    {
        var (id, leader) = await SubmittedAsync("case-western-som", "Cleveland RIG", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-2));
        using var first = Admin("sending-back-reviewer");
        using var second = Admin("stale-reviewer");
        var stalePage = await second.GetDocumentAsync($"/admin/reviews/{id}");
        await DecideAsync(first, id, "RequestChanges", "Name your faculty sponsor's department.").AcceptedAsync();

        using var stale = await second.SubmitFormAsync(stalePage, "#decision-form", new Dictionary<string, string> { ["Decision.Action"] = "Approve" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.False(await users.IsInRoleAsync((await users.FindByIdAsync(leader.Id))!, Roles.RigLeader));
        var subjects = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.RigId == id).Select(m => m.Subject).ToListAsync());
        Assert.Equal(["Changes requested for Cleveland RIG"], subjects);
    }

    [Fact]
    public async Task Decide_OnADraft_IsRefusedWithAReason()
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var rig = await TestRigs.MakeAsync(db, "draft-for-review", "Draft For Review", "uab-heersink-som", RigStatus.Draft);
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return rig.Id;
        });
        using var admin = Admin();
        var page = await admin.GetDocumentAsync($"/admin/reviews/{id}");
        var version = await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

        using var response = await admin.PostAsync($"/admin/reviews/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Decision.Action"] = "Approve",
            ["Decision.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = AntiforgeryTokenOf(page),
        }));

        Assert.Null(page.QuerySelector("#decision-form"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be submitted before it can be reviewed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_WithARequestedSchool_ListsTheSchool()
    {
        var leader = await factory.CreateUserAsync("new.school.leader@example.org", Password, emailConfirmed: true, Roles.Student);
        var id = await factory.WithDbAsync(async db =>
        {
            var school = new School { Slug = "northwoods-com", Name = "Northwoods College of Medicine", City = "Duluth", JurisdictionCode = "US-MN", Status = SchoolStatus.Requested };
            var rig = TestRigs.Make("northwoods-rig", "Northwoods RIG", 0, RigStatus.Submitted);
            rig.School = school;
            rig.Officers.Add(new RigOfficer { UserId = leader.Id, Position = "President", GraduationYear = 2028 });
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return rig.Id;
        });
        using var admin = Admin();

        await DecideAsync(admin, id, "Approve").AcceptedAsync();

        Assert.Equal(SchoolStatus.Listed, await factory.WithDbAsync(db => db.Schools.Where(s => s.Slug == "northwoods-com").Select(s => s.Status).SingleAsync()));
    }

    private static string AntiforgeryTokenOf(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
}
