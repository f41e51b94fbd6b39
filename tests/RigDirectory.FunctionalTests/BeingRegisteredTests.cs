using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>
/// A school whose RIG is waiting for review says so on every public page, instead of "No RIG yet — start one",
/// and lets a signed-in student write to its starters through the app, with no address shown to either side
/// until the starters reply.
/// </summary>
public sealed class BeingRegisteredTests(DirectoryFactory factory) : IClassFixture<DirectoryFactory>
{
    [Fact]
    public async Task SchoolRegionMapAndStart_SayARigIsBeingRegistered_AndOfferNoSecondStart()
    {
        await factory.CreateSubmittedRigAsync("uvm-larner-com", "Vermont Radiology Society", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-2));
        await factory.EvictDirectoryAsync();
        using var anonymous = factory.CreateNonRedirectingClient();

        var school = await anonymous.GetDocumentAsync("/schools/uvm-larner-com");
        Assert.Contains("A RIG here is being registered", school.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(school.QuerySelector("a[href='/start?school=uvm-larner-com']"));
        Assert.NotNull(school.QuerySelector("a[href*='/Identity/Account/Login'][href*='returnUrl=%2Fschools%2Fuvm-larner-com']"));
        Assert.DoesNotContain("Vermont Radiology Society", school.Body.TextContent, StringComparison.Ordinal);
        Assert.Equal("pending", school.QuerySelector("svg use[data-s='uvm-larner-com']")!.ParentElement!.ClassName);

        var region = await anonymous.GetDocumentAsync($"/regions/{await factory.WithDbAsync(db => db.Schools.Where(s => s.Slug == "uvm-larner-com").Select(s => s.Jurisdiction!.Region!.Slug).SingleAsync())}");
        var row = region.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("a[href='/schools/uvm-larner-com']") is not null);
        Assert.Contains("Being registered", row.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("a[href='/start?school=uvm-larner-com']"));

        var home = await anonymous.GetDocumentAsync("/");
        Assert.Equal("pending", home.QuerySelector("svg use[data-s='uvm-larner-com']")!.ParentElement!.ClassName);
        Assert.Contains("RIG being registered", home.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);

        var start = await anonymous.GetDocumentAsync("/start?school=uvm-larner-com");
        Assert.NotNull(start.QuerySelector("#being-registered a[href='/schools/uvm-larner-com#starters']"));

        var student = await factory.CreateUserAsync("wizard.vermont@example.org", "wizard vermont password", emailConfirmed: true, Roles.Student);
        using var signedIn = factory.CreateClientAs(student.Id, Roles.Student);
        var wizard = await signedIn.GetDocumentAsync("/register?school=uvm-larner-com");
        Assert.True(wizard.QuerySelector("#school-uvm-larner-com")!.HasAttribute("disabled"));
        Assert.True(wizard.QuerySelector("#school-form button[type='submit']")!.HasAttribute("disabled"));
        Assert.NotNull(wizard.QuerySelector("#school-results a[href='/schools/uvm-larner-com#starters']"));
    }

    [Fact]
    public async Task Student_WritesToTheStarters_WhoGetTheMessageAndTheirAddress_WhileTheirsStaysPrivate()
    {
        var (_, leader) = await factory.CreateSubmittedRigAsync("dartmouth-geisel-som", "Geisel Imaging Club", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        var student = await factory.CreateUserAsync("keen.student@example.org", "keen student password", emailConfirmed: true, Roles.Student);
        using var client = factory.CreateClientAs(student.Id, Roles.Student);

        var page = await client.GetDocumentAsync("/schools/dartmouth-geisel-som");
        Assert.DoesNotContain(leader.Email!, page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        await client.SubmitFormExpectingRedirectAsync("/schools/dartmouth-geisel-som", "#starters-form",
            new Dictionary<string, string> { ["Starters.Message"] = "Second-year student, keen on IR: I would love to help run the first workshop." });

        var email = (await factory.SentEmailsAsync()).LastTo(leader.Email!);
        Assert.Contains("A student would like to join Geisel Imaging Club", email.Subject, StringComparison.Ordinal);
        Assert.Contains("keen on IR", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("mailto:keen.student@example.org", email.HtmlBody, StringComparison.Ordinal);
        var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.StartersMessaged && a.UserId == student.Id));
        Assert.Contains("keen on IR", entry.Note, StringComparison.Ordinal);

        using var again = await client.SubmitFormAsync("/schools/dartmouth-geisel-som", "#starters-form",
            new Dictionary<string, string> { ["Starters.Message"] = "Me again, with one more thought about the workshop." });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var refused = await HtmlForms.ParseAsync(again);
        Assert.Contains("You wrote to them today already", refused.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Me again, with one more thought about the workshop.", refused.QuerySelector("#Starters_Message")!.TextContent);
    }

    [Fact]
    public async Task MessageToStarters_TooShort_IsRefusedWithTheTextKept_AndAnonymousCannotSend()
    {
        await factory.CreateSubmittedRigAsync("brown-alpert-ms", "Brown Radiology Group", factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        var student = await factory.CreateUserAsync("brief.student@example.org", "brief student password", emailConfirmed: true, Roles.Student);
        using var client = factory.CreateClientAs(student.Id, Roles.Student);

        using var response = await client.SubmitFormAsync("/schools/brown-alpert-ms", "#starters-form", new Dictionary<string, string> { ["Starters.Message"] = "Hi" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Write 10 to 1,000 characters", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Hi", page.QuerySelector("#Starters_Message")!.TextContent);
        using var anonymous = factory.CreateNonRedirectingClient();
        using var anonymousPost = await anonymous.PostAsync("/schools/brown-alpert-ms/starters", new FormUrlEncodedContent(new Dictionary<string, string> { ["Starters.Message"] = "Anonymous note to the starters." }));
        Assert.Contains("/Identity/Account/Login", anonymousPost.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmittingARegistration_RefreshesTheCachedSchoolPage()
    {
        using var anonymous = factory.CreateNonRedirectingClient();
        await anonymous.GetStringAsync("/schools/umass-chan-som");
        Assert.Contains("start one here", await anonymous.GetStringAsync("/schools/umass-chan-som"), StringComparison.Ordinal);
        var student = await factory.CreateUserAsync("umass.starter@example.org", "umass starter password", emailConfirmed: true, Roles.Student);
        using var client = factory.CreateClientAs(student.Id, Roles.Student);
        var id = await client.StartDraftAsync("umass-chan-som");
        await factory.WithDbAsync(async db =>
        {
            var rig = await db.Rigs.Include(r => r.Sponsors).Include(r => r.Events).SingleAsync(r => r.Id == id);
            rig.Name = "UMass Radiology Interest Group";
            rig.Description = "Talks, shadowing and workshops for every year.";
            rig.ContactEmail = "umass.rig@example.org";
            rig.RegistrationStep = RegistrationStep.Review;
            rig.Sponsors.Add(new FacultySponsor { Name = "Dr. Ray", Email = "ray@umass.example", ConfirmedAt = DateTime.UtcNow });
            rig.Officers.Add(new RigOfficer { UserId = student.Id, Position = "President", GraduationYear = DateTime.UtcNow.Year + 2 });
            rig.Events.Add(TestEvents.Make("Kick-off", DateTime.UtcNow.AddDays(20)));
            await db.SaveChangesAsync();
        });

        await client.SubmitFormExpectingRedirectAsync($"/register/{id}/review", $"form[action='/register/{id}/submit']", new Dictionary<string, string>());

        Assert.Contains("A RIG here is being registered", await anonymous.GetStringAsync("/schools/umass-chan-som"), StringComparison.Ordinal);
    }
}
