using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Infrastructure.Email;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests.Attacks;

/// <summary>
/// Threat: whoever holds an invitation link (a forwarded email, a shared screen) becomes an officer and edits the
/// live RIG; or one link is accepted several times at once. Controls: the invitation is bound to the invited
/// address, and it is consumed by a conditional update so exactly one acceptance wins.
/// </summary>
public sealed class InvitationHijackTests(FileDatabaseFactory factory) : IClassFixture<FileDatabaseFactory>
{
    private const string Password = "invitation hijack password";

    private async Task<(int RigId, string Link)> InviteAsync(string school, string invitedEmail)
    {
        var starter = await factory.CreateUserAsync($"starter.{Guid.NewGuid():N}@example.org", Password, emailConfirmed: true, Roles.Student);
        using var leader = factory.CreateClientAs(starter.Id, Roles.Student);
        var id = await leader.StartDraftAsync(school);
        using var invited = await leader.SubmitFormAsync($"/register/{id}/officers", "#invite-form", new Dictionary<string, string> { ["Invite.Email"] = invitedEmail, ["Invite.Position"] = "Treasurer" });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var link = new Uri(PickupDirectoryEmailTransport.FirstLink((await factory.SentEmailsAsync()).LastTo(invitedEmail).HtmlBody!)!).PathAndQuery;
        return (id, link);
    }

    [Fact]
    public async Task AnotherAccountHoldingTheLink_IsToldWhomItIsFor_AndBecomesNothing()
    {
        var (id, link) = await InviteAsync("albany-medical-college", "the.invitee@example.org");
        var outsider = await factory.CreateUserAsync("link.holder@example.org", Password, emailConfirmed: true, Roles.Student);
        using var client = factory.CreateClientAs(outsider.Id, Roles.Student);

        using var page = await client.GetAsync(link);
        var token = (await HtmlForms.ParseAsync(await client.GetAsync($"/register"))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = await client.PostAsync(link, new FormUrlEncodedContent([new("Input.GraduationYear", "2029"), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var text = (await HtmlForms.ParseAsync(page)).Body!.TextContent;
        Assert.Contains("was sent to t•••@example.org", text, StringComparison.Ordinal);
        Assert.Contains("signed in as link.holder@example.org", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.RigOfficers.AnyAsync(o => o.RigId == id && o.UserId == outsider.Id)));
    }

    [Fact]
    public async Task TheInvitedAddress_Unconfirmed_CannotAcceptYet()
    {
        var (id, link) = await InviteAsync("cooper-rowan-ms", "unconfirmed.invitee@example.org");
        var invitee = await factory.CreateUserAsync("unconfirmed.invitee@example.org", Password, emailConfirmed: false, Roles.Student);
        using var client = factory.CreateClientAs(invitee.Id, Roles.Student);

        using var page = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.RigOfficers.AnyAsync(o => o.RigId == id && o.UserId == invitee.Id)));
    }

    [Fact]
    public async Task FourSimultaneousAcceptances_ExactlyOneWins()
    {
        var (id, link) = await InviteAsync("hackensack-meridian-som", "racing.invitee@example.org");
        var invitee = await factory.CreateUserAsync("racing.invitee@example.org", Password, emailConfirmed: true, Roles.Student);
        var clients = Enumerable.Range(0, 4).Select(_ => factory.CreateClientAs(invitee.Id, Roles.Student)).ToList();
        var forms = await Task.WhenAll(clients.Select(c => c.GetDocumentAsync(link)));

        var responses = await Task.WhenAll(clients.Select((c, i) => c.SubmitFormAsync(forms[i], "main form[method=post]", new Dictionary<string, string> { ["Input.GraduationYear"] = "2029" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            Assert.Contains("already been used", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RigId == id && a.Action == AuditAction.InvitationAccepted)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.RigOfficers.CountAsync(o => o.RigId == id && o.UserId == invitee.Id)));
        foreach (var item in responses.Concat<IDisposable>(clients))
        {
            item.Dispose();
        }
    }
}

/// <summary>Threat: a sponsor confirmation link found months later still confirms. Control: the link expires after 30 days.</summary>
public sealed class SponsorLinkExpiryTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task SponsorLink_After30Days_NoLongerConfirms()
    {
        var starter = await factory.CreateUserAsync("sponsor.expiry.leader@example.org", "sponsor expiry password", emailConfirmed: true, Roles.Student);
        using var leader = factory.CreateClientAs(starter.Id, Roles.Student);
        var id = await leader.StartDraftAsync("rutgers-njms");
        await leader.SubmitFormAsync($"/register/{id}/sponsors", "#sponsor-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Dr. Late Reader",
            ["Input.Email"] = "late.reader@hospital.example.org",
        }).AcceptedAsync();
        var link = new Uri(PickupDirectoryEmailTransport.FirstLink((await factory.SentEmailsAsync()).LastTo("late.reader@hospital.example.org").HtmlBody!)!).PathAndQuery;
        using var anonymous = factory.CreateNonRedirectingClient();

        factory.Clock.Advance(TimeSpan.FromDays(31));
        var page = await anonymous.GetDocumentAsync(link);

        Assert.Contains("This confirmation link has expired", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.FacultySponsors.Where(s => s.Email == "late.reader@hospital.example.org").Select(s => s.ConfirmedAt).SingleAsync()));
    }
}
