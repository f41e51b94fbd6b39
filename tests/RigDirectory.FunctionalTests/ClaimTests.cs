using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure.Email;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>A student claims a RIG whose officers have graduated; its sponsor vouches by email; ACR decides.</summary>
public sealed class ClaimTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private const string Message = "I am a second-year student here and ran the anatomy imaging sessions last year.";

    [Fact]
    public async Task Claim_SponsorConfirmsByEmail_AdminApproves_StudentLeadsIt_AndTheProfileStopsAskingForLeaders()
    {
        var (id, slug) = await UnclaimedRigAsync("brown-alpert-ms");
        var (student, user) = await TestHosts.StudentAsync(factory, "claiming.student");
        using var admin = factory.CreateClientAs("claims-admin", Roles.AcrAdmin);
        using var anonymous = factory.CreateNonRedirectingClient();
        var asking = await anonymous.GetDocumentAsync($"/rigs/{slug}");

        await student.SubmitFormAsync($"/rigs/{slug}/claim", "#claim-form", Claim("2028")).AcceptedAsync();
        var sponsorEmail = (await factory.SentEmailsAsync()).LastTo($"sponsor.{slug}@hospital.example");
        var link = PickupDirectoryEmailTransport.FirstLink(sponsorEmail.HtmlBody!)!;
        using var confirmed = await anonymous.SubmitFormAsync(link, "main form", new Dictionary<string, string>());
        var queue = await admin.GetDocumentAsync("/admin/claims");
        var claimId = await factory.WithDbAsync(db => db.RigClaims.Where(c => c.RigId == id).Select(c => c.Id).SingleAsync());
        var page = await admin.GetDocumentAsync($"/admin/claims/{claimId}");
        await admin.SubmitFormAsync(page, "#claim-decision", new Dictionary<string, string> { ["Decision.Approve"] = "true" }).AcceptedAsync();
        await factory.EvictDirectoryAsync();
        var profile = await anonymous.GetDocumentAsync($"/rigs/{slug}");
        var studentEmail = (await factory.SentEmailsAsync()).LastTo(user.Email!);

        Assert.NotNull(asking.QuerySelector("#unclaimed a[href$='/claim']"));
        Assert.Contains("Please confirm a new leader", sponsorEmail.Subject, StringComparison.Ordinal);
        Assert.Contains(Message, sponsorEmail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Thank you", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("claiming student", queue.QuerySelector("#claims")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("confirmed the student on", page.QuerySelector("#sponsor-state")!.TextContent, StringComparison.Ordinal);
        Assert.Null(profile.QuerySelector("#unclaimed"));
        Assert.Contains("claiming student", profile.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"You now lead RIG at brown-alpert-ms", studentEmail.Subject);
        Assert.True(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.RigLeader))));
        using var leader = factory.CreateClientAs(user.Id, Roles.RigLeader);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/my/rigs/{id}/edit")).StatusCode);
        Assert.Equal(
            [AuditAction.Claimed, AuditAction.ClaimConfirmedBySponsor, AuditAction.ClaimApproved, AuditAction.OfficerSaved],
            await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RigId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Decision_WithoutTheSponsorsConfirmation_NeedsANote_AndDecliningNeedsOneToo()
    {
        var (id, slug) = await UnclaimedRigAsync("yale-som");
        var (student, user) = await TestHosts.StudentAsync(factory, "unvouched.student");
        using var admin = factory.CreateClientAs("claims-admin", Roles.AcrAdmin);
        await student.SubmitFormAsync($"/rigs/{slug}/claim", "#claim-form", Claim("2029")).AcceptedAsync();
        var claimId = await factory.WithDbAsync(db => db.RigClaims.Where(c => c.RigId == id).Select(c => c.Id).SingleAsync());

        using var approveBare = await admin.SubmitFormAsync($"/admin/claims/{claimId}", "#claim-decision", new Dictionary<string, string> { ["Decision.Approve"] = "true" });
        using var declineBare = await admin.SubmitFormAsync($"/admin/claims/{claimId}", "#claim-decision", new Dictionary<string, string> { ["Decision.Approve"] = "false" });
        var stillWaiting = await factory.WithDbAsync(db => db.RigClaims.Where(c => c.Id == claimId).Select(c => c.Status).SingleAsync());
        await admin.SubmitFormAsync($"/admin/claims/{claimId}", "#claim-decision", new Dictionary<string, string> { ["Decision.Approve"] = "false", ["Decision.Note"] = "Please ask the radiology department to vouch for you first." }).AcceptedAsync();

        Assert.Equal(HttpStatusCode.BadRequest, approveBare.StatusCode);
        Assert.Contains("has not confirmed this student", await approveBare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, declineBare.StatusCode);
        Assert.Equal(ClaimStatus.Waiting, stillWaiting);
        Assert.Equal(ClaimStatus.Declined, await factory.WithDbAsync(db => db.RigClaims.Where(c => c.Id == claimId).Select(c => c.Status).SingleAsync()));
        Assert.Contains("vouch for you first", (await factory.SentEmailsAsync()).LastTo(user.Email!).HtmlBody, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.RigOfficers.AnyAsync(o => o.UserId == user.Id)));
    }

    [Fact]
    public async Task Claim_OfARigWithLeaders_OrASecondWhileOneWaits_OrWithAPastYear_IsRefused()
    {
        var (_, ledSlug, _, _) = await TestHosts.ApprovedRigAsync(factory, "uconn-som");
        var (_, slug) = await UnclaimedRigAsync("tufts-som");
        var (student, _) = await TestHosts.StudentAsync(factory, "eager.student");

        var ledPage = await student.GetDocumentAsync($"/rigs/{ledSlug}/claim");
        using var pastYear = await student.SubmitFormAsync($"/rigs/{slug}/claim", "#claim-form", Claim("2020"));
        await student.SubmitFormAsync($"/rigs/{slug}/claim", "#claim-form", Claim("2028")).AcceptedAsync();
        var waitingPage = await student.GetDocumentAsync($"/rigs/{slug}/claim");

        Assert.NotNull(ledPage.QuerySelector("#claim-closed"));
        Assert.Null(ledPage.QuerySelector("#claim-form"));
        Assert.Equal(HttpStatusCode.BadRequest, pastYear.StatusCode);
        Assert.Contains("Enter a year from", await pastYear.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(waitingPage.QuerySelector("#claim-waiting"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.RigClaims.CountAsync(c => c.Rig!.Slug == slug)));
    }

    [Fact]
    public async Task SponsorLink_After30Days_IsRefused_AndTheClaimStaysUnconfirmed()
    {
        await using var app = new FakeClockFactory();
        var (id, slug, _, _) = await TestHosts.ApprovedRigAsync(app, "uconn-som");
        await app.WithDbAsync(db => db.RigOfficers.Where(o => o.RigId == id).ExecuteUpdateAsync(o => o.SetProperty(x => x.EndedAt, new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc))));
        await app.EvictDirectoryAsync();
        var (student, _) = await TestHosts.StudentAsync(app, "late.claimant");
        await student.SubmitFormAsync($"/rigs/{slug}/claim", "#claim-form", Claim("2028")).AcceptedAsync();
        var link = PickupDirectoryEmailTransport.FirstLink((await app.SentEmailsAsync()).LastTo($"sponsor.{slug}@hospital.example").HtmlBody!)!;
        app.Clock.Advance(TimeSpan.FromDays(31));
        using var anonymous = app.CreateNonRedirectingClient();

        using var response = await anonymous.GetAsync(link);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.RigClaims.Where(c => c.RigId == id).Select(c => c.SponsorConfirmedAt).SingleAsync()));
    }

    [Fact]
    public async Task ClaimPage_Anonymous_IsAskedToSignIn()
    {
        var (_, slug) = await UnclaimedRigAsync("harvard-medical-school");
        using var anonymous = factory.CreateNonRedirectingClient();

        using var response = await anonymous.GetAsync($"/rigs/{slug}/claim");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Claim(string year) => new()
    {
        ["Input.Position"] = "President",
        ["Input.GraduationYear"] = year,
        ["Input.Message"] = Message,
    };

    /// <summary>An approved RIG whose only officer's term has ended.</summary>
    private async Task<(int Id, string Slug)> UnclaimedRigAsync(string school)
    {
        var (id, slug, _, _) = await TestHosts.ApprovedRigAsync(factory, school);
        await factory.WithDbAsync(db => db.RigOfficers.Where(o => o.RigId == id).ExecuteUpdateAsync(o => o.SetProperty(x => x.EndedAt, new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc))));
        await factory.EvictDirectoryAsync();
        return (id, slug);
    }
}
