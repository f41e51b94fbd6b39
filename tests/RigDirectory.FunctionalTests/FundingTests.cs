using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Workshop funding: a call, a RIG's application from draft to award and report, and every rule around them.</summary>
public sealed class FundingTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    [Fact]
    public async Task Leader_SavesADraft_SubmitsIt_AdminAwards_LeaderIsEmailed_AndFilesTheReportAfterTheEvent()
    {
        var call = await OpenCallAsync("Spring workshops", max: 500, budget: 2000);
        var (rigId, leader, user, eventId) = await RigWithEventAsync("harvard-medical-school");
        using var admin = factory.CreateClientAs("funding-admin", Roles.AcrAdmin);

        await leader.SubmitFormAsync($"/funding/{call}/apply?rig={rigId}", "#application-form", Draft(eventId, 400)).AcceptedAsync();
        var id = await factory.WithDbAsync(db => db.FundingApplications.Where(a => a.RigId == rigId).Select(a => a.Id).SingleAsync());
        var again = await leader.GetAsync($"/funding/{call}/apply?rig={rigId}");
        var draft = await leader.GetDocumentAsync($"/funding/applications/{id}");
        await leader.SubmitFormAsync(draft, "#application-form", Submit(eventId, 400)).AcceptedAsync();
        var decision = await admin.GetDocumentAsync($"/admin/funding/applications/{id}");
        await admin.SubmitFormAsync(decision, "#decision-form", new Dictionary<string, string> { ["Decision.Kind"] = "Award", ["Decision.Amount"] = "350", ["Decision.Note"] = "Bring photos!" }).AcceptedAsync();
        var email = (await factory.SentEmailsAsync()).LastTo(user.Email!);
        var console = await admin.GetDocumentAsync($"/admin/funding/{call}");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.EndsWith($"/funding/applications/{id}", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Draft", draft.QuerySelector("#application-status")!.TextContent, StringComparison.Ordinal);
        // The draft lists the two items it has, not the form's empty rows as "$0" items.
        Assert.Equal(["Probe covers and gel$150", "Phantom rental$450"], draft.QuerySelectorAll("#budget-lines tbody tr").Select(r => r.TextContent.Trim()).ToList());
        Assert.Contains("awarded $350", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Bring photos!", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("$350", console.QuerySelector("#budget-used")!.TextContent.Trim());
        Assert.Equal("$1,650", console.QuerySelector("#budget-left")!.TextContent.Trim());
        Assert.Contains("Awarded", console.QuerySelector("#applications")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(console.QuerySelector("#by-region tbody tr"));

        // Before the event there is nothing to report; after it, the report is filed with a photo.
        var early = await leader.GetAsync($"/funding/applications/{id}/report");
        factory.Clock.Advance(TimeSpan.FromDays(11));
        await leader.PostAsync($"/funding/applications/{id}/report", await ReportAsync(leader, id, ("group.png", Png))).AcceptedAsync();
        var filed = await leader.GetDocumentAsync($"/funding/applications/{id}");
        var photo = filed.QuerySelector("#report a")!.GetAttribute("href")!;
        var download = await admin.GetAsync(photo);
        using var other = (await TestHosts.ApprovedRigAsync(factory, "yale-som")).Leader;

        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Contains("24", filed.QuerySelector("#report")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(photo)).StatusCode);
        Assert.Equal(
            [AuditAction.FundingApplicationSaved, AuditAction.FundingApplicationSubmitted, AuditAction.FundingAwarded, AuditAction.FundingReported],
            await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RigId == rigId && a.EntityType == nameof(FundingApplication)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Applicants_NeverSeeAnotherRigsApplication_AndOnlyLeadersApply()
    {
        var call = await OpenCallAsync("Private applications", max: 500, budget: 2000);
        var (rigId, leader, _, eventId) = await RigWithEventAsync("stanford-som");
        var (otherRig, otherLeader, _, _) = await RigWithEventAsync("duke-som");
        var (student, _) = await TestHosts.StudentAsync(factory, "funding.student");
        await leader.SubmitFormAsync($"/funding/{call}/apply?rig={rigId}", "#application-form", Submit(eventId, 300)).AcceptedAsync();
        var id = await factory.WithDbAsync(db => db.FundingApplications.Where(a => a.RigId == rigId).Select(a => a.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await otherLeader.GetAsync($"/funding/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherLeader.GetAsync($"/funding/{call}/apply?rig={rigId}")).StatusCode);
        Assert.Null((await otherLeader.GetDocumentAsync("/funding")).QuerySelector("#my-applications"));
        using var forged = await otherLeader.PostAsync($"/funding/{call}/apply?rig={rigId}", await FormOfAsync(otherLeader, $"/funding/{call}/apply?rig={otherRig}", Submit(eventId, 300)));
        Assert.Contains("/Identity/Account/AccessDenied", forged.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(FundingStatus.Submitted, await factory.WithDbAsync(db => db.FundingApplications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        Assert.Contains("/Identity/Account/AccessDenied", (await student.GetAsync($"/funding/{call}/apply?rig={rigId}")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var admin = factory.CreateClientAs("funding-admin", Roles.AcrAdmin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/funding/applications/{id}")).StatusCode);
        Assert.Contains("/Identity/Account/AccessDenied", (await leader.GetAsync($"/admin/funding/applications/{id}")).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Application_IsRefused_OverTheMaximum_AfterTheCloseByServerTime_AndForAnotherRigsEvent()
    {
        var call = await OpenCallAsync("Strict rules", max: 500, budget: 2000, closesInDays: 5);
        var (rigId, leader, _, eventId) = await RigWithEventAsync("jhu-som");
        var (_, _, _, otherEvent) = await RigWithEventAsync("emory-som");

        using var tooMuch = await leader.SubmitFormAsync($"/funding/{call}/apply?rig={rigId}", "#application-form", Submit(eventId, 501));
        using var notOurs = await leader.SubmitFormAsync($"/funding/{call}/apply?rig={rigId}", "#application-form", Submit(otherEvent, 300));
        using var unanswered = await leader.SubmitFormAsync($"/funding/{call}/apply?rig={rigId}", "#application-form", new Dictionary<string, string>(Submit(eventId, 300)) { ["Input.Answers[0]"] = "" });
        await leader.SubmitFormAsync($"/funding/{call}/apply?rig={rigId}", "#application-form", Draft(eventId, 300)).AcceptedAsync();
        var id = await factory.WithDbAsync(db => db.FundingApplications.Where(a => a.RigId == rigId).Select(a => a.Id).SingleAsync());
        var form = await leader.GetDocumentAsync($"/funding/applications/{id}");
        factory.Clock.Advance(TimeSpan.FromDays(6));
        using var late = await leader.SubmitFormAsync(form, "#application-form", Submit(eventId, 300));

        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("at most $500", await tooMuch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("one of your RIG&#x27;s upcoming events", await notOurs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Answer this question", await unanswered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("This call closed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(FundingStatus.Draft, await factory.WithDbAsync(db => db.FundingApplications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Review_AwardsNoMoreThanAskedOrLeft_NeedsANoteToDeclineOrSendBack_AndASentBackApplicationCanBeSentAgain()
    {
        var call = await OpenCallAsync("Small budget", max: 500, budget: 600, closesInDays: 5);
        var (rigA, leaderA, _, eventA) = await RigWithEventAsync("umich-medical-school");
        var (rigB, leaderB, userB, eventB) = await RigWithEventAsync("uchicago-pritzker-som");
        await leaderA.SubmitFormAsync($"/funding/{call}/apply?rig={rigA}", "#application-form", Submit(eventA, 400)).AcceptedAsync();
        await leaderB.SubmitFormAsync($"/funding/{call}/apply?rig={rigB}", "#application-form", Submit(eventB, 400)).AcceptedAsync();
        var (a, b) = await factory.WithDbAsync(async db => (
            await db.FundingApplications.Where(x => x.RigId == rigA).Select(x => x.Id).SingleAsync(),
            await db.FundingApplications.Where(x => x.RigId == rigB).Select(x => x.Id).SingleAsync()));
        using var admin = factory.CreateClientAs("funding-admin", Roles.AcrAdmin);

        using var overAsked = await admin.SubmitFormAsync($"/admin/funding/applications/{a}", "#decision-form", Decide("Award", "450"));
        await admin.SubmitFormAsync($"/admin/funding/applications/{a}", "#decision-form", Decide("Award", "400")).AcceptedAsync();
        using var overBudget = await admin.SubmitFormAsync($"/admin/funding/applications/{b}", "#decision-form", Decide("Award", "300"));
        using var silentDecline = await admin.SubmitFormAsync($"/admin/funding/applications/{b}", "#decision-form", Decide("Decline", ""));
        await admin.SubmitFormAsync($"/admin/funding/applications/{b}", "#decision-form", Decide("RequestChanges", "", "Please ask for $200 at most.")).AcceptedAsync();
        var sentBack = (await factory.SentEmailsAsync()).LastTo(userB.Email!);
        factory.Clock.Advance(TimeSpan.FromDays(6));
        await leaderB.SubmitFormAsync($"/funding/applications/{b}", "#application-form", Submit(eventB, 200)).AcceptedAsync();
        await admin.SubmitFormAsync($"/admin/funding/applications/{b}", "#decision-form", Decide("Award", "200")).AcceptedAsync();

        Assert.Equal(HttpStatusCode.BadRequest, overAsked.StatusCode);
        Assert.Contains("up to the $400 asked", await overAsked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Only $200 is left", await overBudget.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Say why it is declined", await silentDecline.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Changes requested", sentBack.Subject, StringComparison.Ordinal);
        Assert.Contains("$200 at most", sentBack.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(600, await factory.WithDbAsync(db => db.FundingCalls.Where(c => c.Slug == call).Select(c => c.Awarded).SingleAsync()));
    }

    [Fact]
    public async Task AnAdmin_ScoresFrom1To5_AndEditsTheCall_ButNeverCutsItsBudgetBelowWhatWasAwarded()
    {
        var call = await OpenCallAsync("Scored and edited", max: 500, budget: 1000);
        var (rigId, leader, _, eventId) = await RigWithEventAsync("brown-alpert-ms");
        await leader.SubmitFormAsync($"/funding/{call}/apply?rig={rigId}", "#application-form", Submit(eventId, 400)).AcceptedAsync();
        var id = await factory.WithDbAsync(db => db.FundingApplications.Where(a => a.RigId == rigId).Select(a => a.Id).SingleAsync());
        using var admin = factory.CreateClientAs("funding-admin", Roles.AcrAdmin);

        using var outOfRange = await admin.SubmitFormAsync($"/admin/funding/applications/{id}", "#score-form", new Dictionary<string, string> { ["score"] = "6" });
        await admin.SubmitFormAsync($"/admin/funding/applications/{id}", "#score-form", new Dictionary<string, string> { ["score"] = "4" }).AcceptedAsync();
        var scored = await admin.GetDocumentAsync($"/admin/funding/{call}");
        await admin.SubmitFormAsync($"/admin/funding/applications/{id}", "#decision-form", Decide("Award", "400")).AcceptedAsync();
        using var cut = await admin.SubmitFormAsync($"/admin/funding/{call}/edit", "#call-form", new Dictionary<string, string> { ["Input.Budget"] = "300", ["Input.MaxAward"] = "300" });
        await admin.SubmitFormAsync($"/admin/funding/{call}/edit", "#call-form", new Dictionary<string, string> { ["Input.Budget"] = "1500", ["Input.Title"] = "Scored and edited again" }).AcceptedAsync();
        var edited = await admin.GetDocumentAsync($"/admin/funding/{call}");

        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("Score from 1 to 5", await outOfRange.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("4", scored.QuerySelector("#applications tbody td:nth-child(6)")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.BadRequest, cut.StatusCode);
        Assert.Contains("$400 has already been awarded", await cut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Scored and edited again", edited.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("$1,100", edited.QuerySelector("#budget-left")!.TextContent.Trim());
        Assert.Contains(AuditAction.FundingCallEdited, await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(FundingCall)).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task ARigNotVerifiedWithin12Months_IsToldSo_AndCannotApply()
    {
        var call = await OpenCallAsync("Recently verified only", max: 500, budget: 1000);
        var (rigId, leader, _, eventId) = await RigWithEventAsync("nyu-grossman-som");
        var longAgo = factory.Clock.GetUtcNow().UtcDateTime.AddMonths(-14);
        await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == rigId).ExecuteUpdateAsync(r => r.SetProperty(x => x.ApprovedAt, longAgo).SetProperty(x => x.LastVerifiedAt, longAgo)));

        var page = await leader.GetDocumentAsync($"/funding/{call}");
        using var refused = await leader.SubmitFormAsync($"/funding/{call}/apply?rig={rigId}", "#application-form", Submit(eventId, 300));

        Assert.Contains("verified by their leaders within the last 12 months", page.QuerySelector("#apply-rigs")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#apply-rigs a.btn"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.FundingApplications.AnyAsync(a => a.RigId == rigId)));
    }

    [Fact]
    public async Task Report_RefusesARenamedProgramAsAPhoto_AndAnAwardWithoutAReport60DaysAfterItsEventShowsOnTheConsole()
    {
        var call = await OpenCallAsync("Reports due", max: 500, budget: 2000);
        var (rigId, leader, _, eventId) = await RigWithEventAsync("penn-perelman-som");
        await leader.SubmitFormAsync($"/funding/{call}/apply?rig={rigId}", "#application-form", Submit(eventId, 300)).AcceptedAsync();
        var id = await factory.WithDbAsync(db => db.FundingApplications.Where(a => a.RigId == rigId).Select(a => a.Id).SingleAsync());
        using var admin = factory.CreateClientAs("funding-admin", Roles.AcrAdmin);
        await admin.SubmitFormAsync($"/admin/funding/applications/{id}", "#decision-form", Decide("Award", "300")).AcceptedAsync();
        factory.Clock.Advance(TimeSpan.FromDays(11));

        using var renamed = await leader.PostAsync($"/funding/applications/{id}/report", await ReportAsync(leader, id, ("photo.jpg", Encoding.ASCII.GetBytes("MZ\x90\0 this is a program"))));
        var notYet = await admin.GetDocumentAsync("/admin/funding");
        factory.Clock.Advance(TimeSpan.FromDays(61));
        var overdue = await admin.GetDocumentAsync("/admin/funding");

        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Contains("not a real PNG or JPG", await renamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.FundingApplications.Where(a => a.Id == id).Select(a => a.ReportedAt).SingleAsync()));
        Assert.DoesNotContain("RIG at penn-perelman-som", notYet.QuerySelector("#overdue-reports")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains("RIG at penn-perelman-som", overdue.QuerySelector("#overdue-reports")!.TextContent, StringComparison.Ordinal);
    }

    private Task<string> OpenCallAsync(string title, int max, int budget, int closesInDays = 30) => TestFunding.OpenCallAsync(factory, title, max, budget, closesInDays);

    private Task<(int Id, HttpClient Leader, ApplicationUser User, int EventId)> RigWithEventAsync(string school) => TestFunding.RigWithEventAsync(factory, school);

    private static Dictionary<string, string> Draft(int eventId, int amount) => TestFunding.Draft(eventId, amount);

    private static Dictionary<string, string> Submit(int eventId, int amount) => TestFunding.Submit(eventId, amount);

    private static Dictionary<string, string> Decide(string kind, string amount, string note = "") => TestFunding.Decide(kind, amount, note);

    private static async Task<MultipartFormDataContent> ReportAsync(HttpClient leader, int id, (string Name, byte[] Bytes) photo)
    {
        var page = await leader.GetDocumentAsync($"/funding/applications/{id}/report");
        var content = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("#report-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent("24"), "Input.Attendance" },
            { new StringContent("Twenty-four students scanned each other and found the gallbladder."), "Input.Summary" },
            { new ByteArrayContent(photo.Bytes), "photos", photo.Name },
        };
        return content;
    }

    private static async Task<FormUrlEncodedContent> FormOfAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        var page = await client.GetDocumentAsync(url);
        var token = page.QuerySelector("#application-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return new FormUrlEncodedContent(new Dictionary<string, string>(values) { ["__RequestVerificationToken"] = token });
    }
}

/// <summary>What the funding tests set up: a call opened through the console, and an approved RIG with a workshop ahead.</summary>
internal static class TestFunding
{
    public static async Task<string> OpenCallAsync(RigDirectoryFactory factory, string title, int max, int budget, int closesInDays = 30)
    {
        using var admin = factory.CreateClientAs("funding-admin", Roles.AcrAdmin);
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime.AddHours(-6));
        await admin.SubmitFormAsync("/admin/funding/new", "#call-form", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Funds"] = "Hands-on workshops: ultrasound, procedures, residency panels.",
            ["Input.MaxAward"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Budget"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.OpensOn"] = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ClosesOn"] = today.AddDays(closesInDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Questions"] = "What will students learn?",
        }).AcceptedAsync();
        return await factory.WithDbAsync(db => db.FundingCalls.Where(c => c.Title == title).Select(c => c.Slug).SingleAsync());
    }

    /// <summary>An approved RIG, verified now, with a workshop ten days ahead.</summary>
    public static async Task<(int Id, HttpClient Leader, ApplicationUser User, int EventId)> RigWithEventAsync(RigDirectoryFactory factory, string school)
    {
        var (id, _, leader, user) = await TestHosts.ApprovedRigAsync(factory, school);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var eventId = await factory.WithDbAsync(async db =>
        {
            await db.Rigs.Where(r => r.Id == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.ApprovedAt, now.AddDays(-30)));
            var workshop = TestEvents.Make($"Ultrasound workshop at {school}", now.AddDays(10), rigId: id);
            db.Events.Add(workshop);
            await db.SaveChangesAsync();
            return workshop.Id;
        });
        return (id, leader, user, eventId);
    }

    public static Dictionary<string, string> Draft(int eventId, int amount) => new()
    {
        ["submit"] = "save",
        ["Input.EventId"] = eventId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.AmountAsked"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.BudgetLines[0].Item"] = "Probe covers and gel",
        ["Input.BudgetLines[0].Amount"] = "150",
        ["Input.BudgetLines[1].Item"] = "Phantom rental",
        ["Input.BudgetLines[1].Amount"] = "450",
    };

    public static Dictionary<string, string> Submit(int eventId, int amount) =>
        new(Draft(eventId, amount)) { ["submit"] = "submit", ["Input.Answers[0]"] = "Probe handling and the FAST exam." };

    public static Dictionary<string, string> Decide(string kind, string amount, string note = "") =>
        new() { ["Decision.Kind"] = kind, ["Decision.Amount"] = amount, ["Decision.Note"] = note };
}
