using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

public sealed class InterestTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private async Task<(int Id, string Slug, HttpClient Leader)> ApprovedAsync(string schoolSlug)
    {
        var leader = await factory.CreateUserAsync($"interest.leader.{schoolSlug}@example.org", "interest leader password", emailConfirmed: true, Roles.RigLeader);
        var slug = $"{schoolSlug}-rig";
        var id = await factory.WithDbAsync(async db =>
        {
            var rig = await TestRigs.MakeAsync(db, slug, $"Interest RIG {schoolSlug}", schoolSlug, RigStatus.Approved, r =>
                r.Officers.Add(new RigOfficer { UserId = leader.Id, Position = "President", GraduationYear = 2028 }));
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return rig.Id;
        });
        return (id, slug, factory.CreateClientAs(leader.Id, Roles.RigLeader));
    }

    private async Task<(HttpClient Client, ApplicationUser User)> StudentAsync(string name, string displayName = "Sam Student")
    {
        var user = await factory.CreateUserAsync($"{name}@example.org", "interested student password", emailConfirmed: true, Roles.Student);
        await factory.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, displayName));
        });
        return (factory.CreateClientAs(user.Id, Roles.Student), user);
    }

    private static Task<HttpResponseMessage> InterestedAsync(HttpClient student, string slug, Dictionary<string, string>? values = null) =>
        student.SubmitFormAsync($"/rigs/{slug}", "#interest-form", new Dictionary<string, string> { ["Interest.School"] = "Yale School of Medicine" }.Concat(values ?? new() { ["Interest.GraduationYear"] = "2029" }).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value));

    [Fact]
    public async Task AStudentsNextInterest_StartsFromTheSchoolTheyGaveBefore_NotTheRigsSchool()
    {
        var (_, first, _) = await ApprovedAsync("unc-som");
        var (_, second, _) = await ApprovedAsync("und-smhs");
        var (student, _) = await StudentAsync("visiting.student", "Visiting Student");
        await InterestedAsync(student, first, new() { ["Interest.GraduationYear"] = "2029", ["Interest.School"] = "Harvard Medical School" }).AcceptedAsync();

        var profile = await student.GetDocumentAsync($"/rigs/{second}");
        var formPage = await student.GetDocumentAsync($"/rigs/{second}/interest");

        Assert.Equal("Harvard Medical School", profile.QuerySelector("#Interest_School")!.GetAttribute("value"));
        Assert.Equal("Harvard Medical School", formPage.QuerySelector("#Interest_School")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Anonymous_IsAskedToSignIn_AndSeesNoCount()
    {
        var (_, slug, _) = await ApprovedAsync("uconn-som");
        using var anonymous = factory.CreateNonRedirectingClient();

        var page = await anonymous.GetDocumentAsync($"/rigs/{slug}");

        var link = page.QuerySelector("#interest a")!;
        Assert.Equal("Sign in to say I'm interested", link.TextContent.Trim());
        Assert.Contains(Uri.EscapeDataString($"/rigs/{slug}/interest"), link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#interested-count"));
    }

    [Fact]
    public async Task Student_SaysInterested_LeadersSeeNameSchoolYearAndChosenEmail_ThePublicSeesNothing()
    {
        var (id, slug, leader) = await ApprovedAsync("yale-som");
        var (student, user) = await StudentAsync("keen.student", "Keen Student");
        using var anonymous = factory.CreateNonRedirectingClient();

        var form = await student.GetDocumentAsync($"/rigs/{slug}");
        using var saved = await InterestedAsync(student, slug, new() { ["Interest.GraduationYear"] = "2029", ["Interest.Email"] = "keen.personal@example.net" });
        var after = await student.GetDocumentAsync($"/rigs/{slug}");
        var profileForLeader = await leader.GetDocumentAsync($"/rigs/{slug}");
        var list = await leader.GetDocumentAsync($"/my/rigs/{id}/interested");
        var myRigs = await leader.GetDocumentAsync("/my/rigs");
        var publicPage = await anonymous.GetStringAsync($"/rigs/{slug}");

        // The form starts from the account's email, and from no school: the student's is not known to be the RIG's.
        Assert.Equal(user.Email, form.QuerySelector("#Interest_Email")!.GetAttribute("value"));
        Assert.Equal("", form.QuerySelector("#Interest_School")!.GetAttribute("value") ?? "");
        Assert.Equal($"/rigs/{slug}#interest", saved.Headers.Location!.OriginalString);
        Assert.Contains("they can write to keen.personal@example.net", after.QuerySelector("#interest")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("#interested-count"));
        Assert.Contains("1 student is interested.", profileForLeader.QuerySelector("#interested-count")!.TextContent, StringComparison.Ordinal);
        var row = list.QuerySelector("#interested tbody tr")!.TextContent;
        Assert.Contains("Keen Student", row, StringComparison.Ordinal);
        Assert.Contains("Yale School of Medicine", row, StringComparison.Ordinal);
        Assert.Contains("2029", row, StringComparison.Ordinal);
        Assert.Contains("keen.personal@example.net", row, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Email!, row, StringComparison.Ordinal);
        Assert.Contains("1 interested student", myRigs.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("keen.personal", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("interested.", publicPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaders_ExportTheList_AsCsvWithFormulasDisarmed()
    {
        var (id, slug, leader) = await ApprovedAsync("brown-alpert-ms");
        var (student, _) = await StudentAsync("csv.student", "=HYPERLINK(\"http://evil\")");
        await InterestedAsync(student, slug, new() { ["Interest.GraduationYear"] = "2030", ["Interest.School"] = "Brown" }).AcceptedAsync();

        using var csv = await leader.GetAsync($"/my/rigs/{id}/interested.csv");
        var text = await csv.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("Name,School,GraduationYear,Email,Since", text, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("Brown,2030,csv.student@example.org", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Student_Withdraws_AndLeavesTheLeadersList()
    {
        var (id, slug, leader) = await ApprovedAsync("dartmouth-geisel-som");
        var (student, user) = await StudentAsync("fickle.student");
        await InterestedAsync(student, slug).AcceptedAsync();

        using var withdrawn = await student.SubmitFormAsync($"/rigs/{slug}", $"form[action='/rigs/{slug}/interest/withdraw']", new Dictionary<string, string>());
        var list = await leader.GetDocumentAsync($"/my/rigs/{id}/interested");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.RigInterests.AnyAsync(i => i.UserId == user.Id)));
        Assert.Contains("No student has said they are interested yet.", list.QuerySelector("#interested-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            [AuditAction.InterestShown, AuditAction.InterestWithdrawn],
            await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RigId == id && a.UserId == user.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task BadInput_ComesBackWithPlainMessages_AndWhatWasTyped()
    {
        var (_, slug, _) = await ApprovedAsync("cuny-som");
        var (student, user) = await StudentAsync("hasty.student");

        using var response = await InterestedAsync(student, slug, new() { ["Interest.GraduationYear"] = "", ["Interest.Email"] = "not an email", ["Interest.School"] = "Larner" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        var summary = page.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("Enter the year you expect to graduate.", summary, StringComparison.Ordinal);
        Assert.Contains("Enter an email address like name@school.edu.", summary, StringComparison.Ordinal);
        Assert.Equal("Larner", page.QuerySelector("#Interest_School")!.GetAttribute("value"));
        Assert.Contains("is-invalid", page.QuerySelector("#Interest_GraduationYear")!.ClassName, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.RigInterests.AnyAsync(i => i.UserId == user.Id)));
    }

    [Fact]
    public async Task ALeader_CannotBeInterestedInTheirOwnRig()
    {
        var (id, slug, leader) = await ApprovedAsync("uvm-larner-com");

        var page = await leader.GetDocumentAsync($"/rigs/{slug}");
        using var posted = await leader.SubmitFormAsync($"/rigs/{slug}/interest", "#interest-form", new Dictionary<string, string> { ["Interest.GraduationYear"] = "2029", ["Interest.School"] = "Larner College of Medicine" });

        Assert.Null(page.QuerySelector("#interest-form"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.RigInterests.AnyAsync(i => i.RigId == id)));
    }

    [Fact]
    public async Task TheList_IsForTheRigsOwnLeadersOnly()
    {
        var (id, slug, _) = await ApprovedAsync("quinnipiac-netter-som");
        var (_, _, otherLeader) = await ApprovedAsync("tufts-som");
        var (student, _) = await StudentAsync("nosy.student");

        using var byOtherLeader = await otherLeader.GetAsync($"/my/rigs/{id}/interested");
        using var byStudent = await student.GetAsync($"/my/rigs/{id}/interested.csv");
        using var anonymous = factory.CreateNonRedirectingClient();
        using var anonymousPost = await anonymous.PostAsync($"/rigs/{slug}/interest", new FormUrlEncodedContent([]));

        Assert.Contains("/Identity/Account/AccessDenied", byOtherLeader.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("/Identity/Account/AccessDenied", byStudent.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.False(anonymousPost.IsSuccessStatusCode);
        Assert.False(await factory.WithDbAsync(db => db.RigInterests.AnyAsync(i => i.RigId == id)));
    }
}
