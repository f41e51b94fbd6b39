using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure.Email;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

public sealed class LeaderEditTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private async Task<(int Id, HttpClient Leader)> ApprovedAsync(string schoolSlug, string name)
    {
        var leader = await factory.CreateUserAsync($"edit.{schoolSlug}@example.org", "leader edit password", emailConfirmed: true, Roles.RigLeader);
        var id = await factory.WithDbAsync(async db =>
        {
            var rig = await TestRigs.MakeAsync(db, $"{schoolSlug}-rig", name, schoolSlug, RigStatus.Approved, r =>
            {
                r.Description = "The original description of this RIG.";
                r.ContactEmail = $"{schoolSlug}@example.org";
                r.ContactVisibility = ContactVisibility.Public;
                r.Officers.Add(new RigOfficer { UserId = leader.Id, Position = "President", GraduationYear = 2028 });
            });
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return rig.Id;
        });
        return (id, factory.CreateClientAs(leader.Id, Roles.RigLeader));
    }

    private static Task<HttpResponseMessage> EditAsync(HttpClient leader, int id, Dictionary<string, string> fields) =>
        leader.SubmitFormAsync($"/my/rigs/{id}/edit", "#edit-form", fields);

    [Fact]
    public async Task LeaderChangingTheirOwnPosition_ShowsOnThePublicProfileAtOnce()
    {
        var (id, leader) = await ApprovedAsync("ohio-state-com", "Buckeye Radiology Society");
        using var anonymous = factory.CreateNonRedirectingClient();
        await anonymous.GetStringAsync("/rigs/ohio-state-com-rig");
        Assert.Contains("President", await anonymous.GetStringAsync("/rigs/ohio-state-com-rig"), StringComparison.Ordinal);

        await leader.SubmitFormExpectingRedirectAsync($"/register/{id}/officers", "#officer-form", new Dictionary<string, string> { ["Input.Position"] = "Co-President", ["Input.GraduationYear"] = "2028" });

        Assert.Contains("Co-President", await anonymous.GetStringAsync("/rigs/ohio-state-com-rig"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutineEdit_GoesLiveAtOnce_AndIsRecordedFieldByField()
    {
        var (id, leader) = await ApprovedAsync("uic-com-peoria", "Peoria RIG");
        using var anonymous = factory.CreateNonRedirectingClient();
        Assert.Contains("The original description", await anonymous.GetStringAsync("/rigs/uic-com-peoria-rig"), StringComparison.Ordinal);

        using var saved = await EditAsync(leader, id, new() { ["Input.Description"] = "A brand new description for students in Peoria." });

        Assert.Equal("/my/rigs", saved.Headers.Location!.OriginalString);
        Assert.Contains("A brand new description for students in Peoria.", await anonymous.GetStringAsync("/rigs/uic-com-peoria-rig"), StringComparison.Ordinal);
        var changes = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RigId == id && a.Action == AuditAction.Edited).Select(a => a.Changes).SingleAsync());
        Assert.Contains("The original description of this RIG.", changes, StringComparison.Ordinal);
        Assert.Contains("A brand new description for students in Peoria.", changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NameChange_WaitsForReview_WhileThePublicPageKeepsTheApprovedName()
    {
        var (id, leader) = await ApprovedAsync("uic-com-rockford", "Rockford RIG");
        using var anonymous = factory.CreateNonRedirectingClient();
        using var admin = factory.CreateClientAs("change-reviewer", Roles.AcrAdmin);

        await EditAsync(leader, id, new() { ["Input.Name"] = "Rockford Radiology Society" }).AcceptedAsync();
        var publicBefore = await anonymous.GetStringAsync("/rigs/uic-com-rockford-rig");
        var queue = await admin.GetDocumentAsync("/admin/reviews?changes=true");
        var review = await admin.GetDocumentAsync($"/admin/reviews/{id}");
        using var approved = await admin.SubmitFormAsync(review, "#change-form", new Dictionary<string, string> { ["Decision.Action"] = "Approve" });
        var publicAfter = await anonymous.GetStringAsync("/rigs/uic-com-rockford-rig");

        Assert.Contains("<h1>Rockford RIG</h1>", publicBefore, StringComparison.Ordinal);
        Assert.Contains("Rockford RIG", queue.QuerySelector("#queue")!.TextContent, StringComparison.Ordinal);
        var comparison = review.QuerySelector("#comparison")!.TextContent;
        Assert.Contains("Rockford RIG", comparison, StringComparison.Ordinal);
        Assert.Contains("Rockford Radiology Society", comparison, StringComparison.Ordinal);
        Assert.Equal("/admin/reviews?changes=True", approved.Headers.Location!.OriginalString);
        Assert.Contains("<h1>Rockford Radiology Society</h1>", publicAfter, StringComparison.Ordinal);
        var rig = await factory.WithDbAsync(db => db.Rigs.SingleAsync(r => r.Id == id));
        Assert.Null(rig.PendingName);
        Assert.Null(rig.ChangeRequestedAt);
    }

    [Fact]
    public async Task SchoolChange_Rejected_KeepsTheApprovedSchool()
    {
        var (id, leader) = await ApprovedAsync("msu-chm-grand-rapids", "Grand Rapids RIG");
        using var admin = factory.CreateClientAs("school-reviewer", Roles.AcrAdmin);

        await EditAsync(leader, id, new() { ["Input.SchoolSlug"] = "harvard-medical-school" }).AcceptedAsync();
        var review = await admin.GetDocumentAsync($"/admin/reviews/{id}");
        using var noNote = await admin.SubmitFormAsync(review, "#change-form", new Dictionary<string, string> { ["Decision.Action"] = "Reject" });
        using var rejected = await admin.SubmitFormAsync($"/admin/reviews/{id}", "#change-form", new Dictionary<string, string> { ["Decision.Action"] = "Reject", ["Decision.Note"] = "That is a different school." });

        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var rig = await factory.WithDbAsync(db => db.Rigs.Include(r => r.School).SingleAsync(r => r.Id == id));
        Assert.Equal("msu-chm-grand-rapids", rig.School!.Slug);
        Assert.Null(rig.PendingSchoolId);
    }

    [Fact]
    public async Task EditPage_SchoolIsChosenFromSearchResults_NotTypedAsAnAddress()
    {
        var (id, leader) = await ApprovedAsync("ku-som-salina", "Salina RIG");

        var blank = await leader.GetDocumentAsync($"/my/rigs/{id}/edit");
        var found = await leader.GetDocumentAsync($"/my/rigs/{id}/edit?school-q=" + Uri.EscapeDataString("university kansas wichita"));

        Assert.Null(blank.QuerySelector("input[type=text][name='Input.SchoolSlug']"));
        Assert.Equal(["ku-som-salina"], blank.QuerySelectorAll("input[name='Input.SchoolSlug']").Select(r => r.GetAttribute("value")));
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)blank.QuerySelector("#Input_SchoolSlug")!).IsChecked);
        // The search offers the other campus, never the one the RIG is at (already the first choice).
        Assert.Equal(["ku-som-salina", "ku-som-wichita"], found.QuerySelectorAll("input[name='Input.SchoolSlug']").Select(r => r.GetAttribute("value")));
        Assert.Contains("1 school matches.", found.QuerySelector("#school-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPage_FailedSave_KeepsTheOtherSchoolChosen()
    {
        var (id, leader) = await ApprovedAsync("uk-com-bowling-green", "Bowling Green RIG");

        using var response = await EditAsync(leader, id, new() { ["Input.SchoolSlug"] = "uk-com-lexington", ["Input.Name"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        var chosen = (AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#school-found input[value='uk-com-lexington']")!;
        Assert.True(chosen.IsChecked);
    }

    [Fact]
    public async Task Edit_UnknownSchool_KeepsWhatWasTyped()
    {
        var (id, leader) = await ApprovedAsync("mcw-green-bay", "Green Bay RIG");

        using var response = await EditAsync(leader, id, new() { ["Input.SchoolSlug"] = "no-such-school", ["Input.Description"] = "Typed before the mistake, kept after it." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Choose a school from the list", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Typed before the mistake, kept after it.", page.QuerySelector("#Input_Description")!.TextContent);
    }

    [Fact]
    public async Task Edit_ExtraFields_CannotChangeStatusSchoolOrName()
    {
        var (id, leader) = await ApprovedAsync("creighton-som-phoenix", "Phoenix RIG");
        var otherSchool = await factory.WithDbAsync(db => db.Schools.Where(s => s.Slug == "harvard-medical-school").Select(s => s.Id).SingleAsync());

        await EditAsync(leader, id, new()
        {
            ["Input.Status"] = "Archived",
            ["Status"] = "Archived",
            ["SchoolId"] = otherSchool.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SchoolId"] = otherSchool.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Name"] = "Sneaky Name",
            ["Input.PendingName"] = "Sneaky Pending",
        }).AcceptedAsync();

        var rig = await factory.WithDbAsync(db => db.Rigs.Include(r => r.School).SingleAsync(r => r.Id == id));
        Assert.Equal(RigStatus.Approved, rig.Status);
        Assert.Equal("creighton-som-phoenix", rig.School!.Slug);
        Assert.Equal("Phoenix RIG", rig.Name);
        Assert.Null(rig.PendingName);
    }

    [Fact]
    public async Task Edit_ByAnotherLeader_IsForbidden()
    {
        var (id, _) = await ApprovedAsync("mcw-central-wisconsin", "Wausau RIG");
        var (_, otherLeader) = await ApprovedAsync("umn-medical-school-duluth", "Duluth RIG");

        using var read = await otherLeader.GetAsync($"/my/rigs/{id}/edit");

        Assert.Contains("/Identity/Account/AccessDenied", read.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sponsors_OfAnApprovedRig_ChangeLive_ButTheLastOneStays()
    {
        var (id, leader) = await ApprovedAsync("penn-state-com-university-park", "State College RIG");
        using var anonymous = factory.CreateNonRedirectingClient();
        await anonymous.GetStringAsync("/rigs/penn-state-com-university-park-rig");
        var only = await factory.WithDbAsync(db => db.FacultySponsors.Where(s => s.RigId == id).Select(s => s.Id).SingleAsync());

        using var removeLast = await leader.SubmitFormAsync($"/register/{id}/sponsors", $"form[action='/register/{id}/sponsors/{only}/remove']", new Dictionary<string, string>());
        using var added = await leader.SubmitFormAsync($"/register/{id}/sponsors", "#sponsor-form", new Dictionary<string, string> { ["Input.Name"] = "Dr. Newly Added", ["Input.Email"] = "newly.added@hospital.example" });

        Assert.Equal(HttpStatusCode.BadRequest, removeLast.StatusCode);
        Assert.Contains("A RIG needs at least one faculty sponsor", await removeLast.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var link = new Uri(PickupDirectoryEmailTransport.FirstLink((await factory.SentEmailsAsync()).LastTo("newly.added@hospital.example").HtmlBody!)!).PathAndQuery;
        await anonymous.ConfirmAsSponsorAsync(link);
        Assert.Contains("Dr. Newly Added", await anonymous.GetStringAsync("/rigs/penn-state-com-university-park-rig"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ShowsAsVerifiedByItsLeadersToday()
    {
        var (id, leader) = await ApprovedAsync("ku-som-wichita", "Wichita RIG");
        var myRigs = await leader.GetDocumentAsync("/my/rigs");

        using var verified = await leader.SubmitFormAsync(myRigs, $"form[action='/my/rigs/{id}/verify']", new Dictionary<string, string>());
        using var anonymous = factory.CreateNonRedirectingClient();

        Assert.Equal("/my/rigs", verified.Headers.Location!.OriginalString);
        Assert.Contains($"Verified by its leaders on {Web.Domain.EventTimeZones.Day(factory.Clock.GetUtcNow().UtcDateTime)}", await anonymous.GetStringAsync("/rigs/ku-som-wichita-rig"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoLeaderAcceptingAnInvitation_ShowsOnThePublicProfileAtOnce()
    {
        var (id, leader) = await ApprovedAsync("toledo-comls", "Toledo RIG");
        var coLeader = await factory.CreateUserAsync("toledo.coleader@example.org", "leader edit password", emailConfirmed: true, Roles.Student);
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == coLeader.Id)).DisplayName = "Wendy Coleader";
            await db.SaveChangesAsync();
        });
        using var anonymous = factory.CreateNonRedirectingClient();
        var before = await anonymous.GetStringAsync("/rigs/toledo-comls-rig");

        await leader.SubmitFormExpectingRedirectAsync($"/register/{id}/officers", "#invite-form", new Dictionary<string, string> { ["Invite.Email"] = "toledo.coleader@example.org", ["Invite.Position"] = "Treasurer" });
        var link = new Uri(PickupDirectoryEmailTransport.FirstLink((await factory.SentEmailsAsync()).LastTo("toledo.coleader@example.org").HtmlBody!)!).PathAndQuery;
        using var coLeaderClient = factory.CreateClientAs(coLeader.Id, Roles.Student);
        using var accepted = await coLeaderClient.SubmitFormAsync(link, "main form[method=post]", new Dictionary<string, string> { ["Input.GraduationYear"] = "2029" });
        var after = await anonymous.GetStringAsync("/rigs/toledo-comls-rig");

        Assert.DoesNotContain("Wendy Coleader", before, StringComparison.Ordinal);
        Assert.Equal("/my/rigs", accepted.Headers.Location!.OriginalString);
        Assert.Contains("Wendy Coleader", after, StringComparison.Ordinal);
    }
}
