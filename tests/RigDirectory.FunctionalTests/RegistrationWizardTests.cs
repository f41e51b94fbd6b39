using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure.Email;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

public sealed class RegistrationWizardTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private const string Password = "wizard test password";

    private async Task<(HttpClient Client, ApplicationUser User)> StudentAsync(string name)
    {
        var user = await factory.CreateUserAsync($"{name}@example.org", Password, emailConfirmed: true, Roles.Student);
        return (factory.CreateClientAs(user.Id, Roles.Student), user);
    }

    private static Task<HttpResponseMessage> AddSponsorAsync(HttpClient client, int id, string email) =>
        client.SubmitFormAsync($"/register/{id}/sponsors", "#sponsor-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Dr. Rita Ray",
            ["Input.Title"] = "Associate Professor of Radiology",
            ["Input.Email"] = email,
        });

    private static Dictionary<string, string> Details(string description = "Monthly talks with radiologists and ultrasound workshops for all years.") => Drafts.Details(description: description);

    private static async Task<int> CompleteDraftAsync(HttpClient client, string schoolSlug)
    {
        var id = await client.StartDraftAsync(schoolSlug);
        await client.CompleteDraftAsync(id, Details());
        return id;
    }

    [Fact]
    public async Task Register_Anonymous_IsSentToSignIn()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync("/register");

        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wizard_WholeRegistration_SavesEachStepAndSubmits()
    {
        var (client, user) = await StudentAsync("whole.wizard");

        var id = await client.StartDraftAsync("tufts-som");
        using var sponsor = await AddSponsorAsync(client, id, "rita.ray@hospital.example");
        Assert.Equal(HttpStatusCode.Redirect, sponsor.StatusCode);
        var sponsorEmail = (await factory.SentEmailsAsync()).LastTo("rita.ray@hospital.example");
        Assert.Contains("/sponsors/confirm/", PickupDirectoryEmailTransport.FirstLink(sponsorEmail.HtmlBody ?? ""), StringComparison.Ordinal);

        using var next = await client.SubmitFormAsync($"/register/{id}/sponsors", $"form[action='/register/{id}/sponsors/next']", new Dictionary<string, string>());
        Assert.Equal($"/register/{id}/officers", next.Headers.Location!.OriginalString);
        using var officer = await client.SubmitFormAsync($"/register/{id}/officers", "#officer-form", new Dictionary<string, string> { ["Input.Position"] = "President", ["Input.GraduationYear"] = "2028" });
        Assert.Equal($"/register/{id}/details", officer.Headers.Location!.OriginalString);
        using var details = await client.SubmitFormAsync($"/register/{id}/details", "#details-form", Details());
        Assert.Equal($"/register/{id}/review", details.Headers.Location!.OriginalString);

        var review = await client.GetDocumentAsync($"/register/{id}/review");
        Assert.Contains("Welcome lunch with the residents — 20 January 2027 (in person)", review.Body!.TextContent, StringComparison.Ordinal);
        using var submitted = await client.SubmitFormAsync(review, $"form[action='/register/{id}/submit']", new Dictionary<string, string>());

        Assert.Equal("/my/rigs", submitted.Headers.Location!.OriginalString);
        var rig = await factory.WithDbAsync(db => db.Rigs.Include(r => r.Officers).Include(r => r.Events).SingleAsync(r => r.Id == id));
        Assert.Equal(RigStatus.Submitted, rig.Status);
        Assert.NotNull(rig.SubmittedAt);
        Assert.Equal(user.Id, Assert.Single(rig.Officers).UserId);
        Assert.Single(rig.Events);
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RigId == id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditAction.Started, AuditAction.SponsorAdded, AuditAction.OfficerSaved, AuditAction.Submitted], actions);
        var myRigs = await client.GetDocumentAsync("/my/rigs");
        Assert.Contains("Submitted", myRigs.QuerySelector("article.my-rig")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchoolSearch_AsJson_FindsByNameOrCity_AndSaysWhichAreTaken()
    {
        var (client, _) = await StudentAsync("type.ahead");
        var id = await CompleteDraftAsync(client, "uab-heersink-som");
        await client.PostExpectingRedirectAsync($"/register/{id}/submit", await AntiforgeryFormAsync(client, $"/register/{id}/review"));

        using var byCity = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/register/schools?q=Birmingham"));
        using var tooShort = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/register/schools?q=B"));

        var school = byCity.RootElement.EnumerateArray().Single(s => s.GetProperty("slug").GetString() == "uab-heersink-som");
        Assert.False(school.GetProperty("available").GetBoolean());
        // Unavailable, without saying that an unpublished registration is why.
        Assert.False(school.TryGetProperty("hasPendingRig", out _));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, school.GetProperty("approvedRigSlug").ValueKind);
        Assert.Equal(0, tooShort.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("University of California San Diego", "uc-san-diego-som")]
    [InlineData("UC San Diego", "uc-san-diego-som")]
    [InlineData("ucsf", "ucsf-som")]
    [InlineData("Montreal", "umontreal-fmed-montreal")]
    [InlineData("U of T", "utoronto-temerty-fom-toronto")]
    [InlineData("Pennsylvania Perelman", "penn-perelman-som")]
    [InlineData("Vanderblit", "vanderbilt-som")]
    public async Task SchoolSearch_ForgivesPunctuationAccentsAbbreviationsOrderAndATypo(string query, string expected)
    {
        var (client, _) = await StudentAsync("forgiving." + TextSearch.Phrase(query).Replace(' ', '.'));

        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/register/schools?q=" + Uri.EscapeDataString(query)));
        var page = await client.GetDocumentAsync("/register?q=" + Uri.EscapeDataString(query));

        Assert.Contains(expected, json.RootElement.EnumerateArray().Select(s => s.GetProperty("slug").GetString()));
        Assert.Contains(expected, page.QuerySelectorAll("input[name=school]").Select(r => r.GetAttribute("value")));
    }

    [Fact]
    public async Task SchoolSearch_ExactNameOrAbbreviation_ComesFirst()
    {
        var (client, _) = await StudentAsync("exact.first");

        using var byAbbreviation = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/register/schools?q=UCLA"));
        using var byName = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/register/schools?q=" + Uri.EscapeDataString("McGill University Faculty of Medicine and Health Sciences")));

        Assert.Equal("ucla-geffen-som", byAbbreviation.RootElement[0].GetProperty("slug").GetString());
        Assert.Equal("mcgill-fmhs-montreal", byName.RootElement[0].GetProperty("slug").GetString());
        Assert.Equal("mcgill-fmhs-outaouais", byName.RootElement[1].GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Wizard_EveryPostForm_CarriesAnAntiforgeryToken()
    {
        var (client, _) = await StudentAsync("token.check");
        var id = await CompleteDraftAsync(client, "rush-medical-college");

        foreach (var url in new[] { "/register?q=Rush", $"/register/{id}/sponsors", $"/register/{id}/officers", $"/register/{id}/details", $"/register/{id}/review", "/my/rigs" })
        {
            var page = await client.GetDocumentAsync(url);
            var forms = page.QuerySelectorAll("form[method=post]");
            Assert.NotEmpty(forms);
            Assert.All(forms, form => Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]")));
        }
    }

    [Fact]
    public async Task Wizard_ValidationError_KeepsWhatWasTyped()
    {
        var (client, _) = await StudentAsync("typed.values");
        var id = await client.StartDraftAsync("bu-chobanian-avedisian-som");

        using var badSponsor = await AddSponsorAsync(client, id, "not-an-email");
        using var badDetails = await client.SubmitFormAsync($"/register/{id}/details", "#details-form", Details(description: "Too short"));

        Assert.Equal(HttpStatusCode.BadRequest, badSponsor.StatusCode);
        var sponsorPage = await HtmlForms.ParseAsync(badSponsor);
        Assert.Equal("Dr. Rita Ray", sponsorPage.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.BadRequest, badDetails.StatusCode);
        var detailsPage = await HtmlForms.ParseAsync(badDetails);
        Assert.Contains("Describe the RIG in 20 to 4,000 characters.", detailsPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Welcome lunch with the residents", detailsPage.QuerySelector("#Input_EventTitle")!.GetAttribute("value"));
        Assert.Equal("tufts.rig@example.org", detailsPage.QuerySelector("#Input_ContactEmail")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Wizard_RefusedForm_SaysWhatToDo_AtTheTopLinkedToEachField_AndMarksTheFields()
    {
        var (client, _) = await StudentAsync("plain.words");
        var id = await client.StartDraftAsync("brown-alpert-ms");
        var fields = Details();
        fields["Input.Name"] = "";
        fields["Input.EventTitle"] = "";

        using var response = await client.SubmitFormAsync($"/register/{id}/details", "#details-form", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        var summary = page.QuerySelector("#error-summary")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        var name = summary.QuerySelector("a[href='#Input_Name']")!;
        Assert.Equal("Enter the RIG's name, such as \"Tufts Radiology Interest Group\".", name.TextContent);
        Assert.NotNull(summary.QuerySelector("a[href='#Input_EventTitle']"));
        Assert.Contains("is-invalid", page.QuerySelector("#Input_Name")!.ClassName, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_Name")!.GetAttribute("aria-invalid"));
        Assert.DoesNotContain("is-invalid", page.QuerySelector("#Input_ContactEmail")!.ClassName ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wizard_EmptyGraduationYear_AsksForTheYear_NotThatAnEmptyValueIsInvalid()
    {
        var (client, _) = await StudentAsync("no.year");
        var id = await client.StartDraftAsync("dartmouth-geisel-som");
        await AddSponsorAsync(client, id, "year.sponsor@hospital.example").AcceptedAsync();

        using var response = await client.SubmitFormAsync($"/register/{id}/officers", "#officer-form", new Dictionary<string, string> { ["Input.Position"] = "President", ["Input.GraduationYear"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await HtmlForms.ParseAsync(response)).Body!.TextContent;
        Assert.Contains("Enter the year you expect to graduate.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("is invalid", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wizard_GraduationYearThatIsNotANumber_SaysSoInPlainWords_KeepingWhatWasTyped()
    {
        var (client, _) = await StudentAsync("word.year");
        var id = await client.StartDraftAsync("uconn-som");
        await AddSponsorAsync(client, id, "word.sponsor@hospital.example").AcceptedAsync();

        using var response = await client.SubmitFormAsync($"/register/{id}/officers", "#officer-form", new Dictionary<string, string> { ["Input.Position"] = "President", ["Input.GraduationYear"] = "soon" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("\"soon\" is not a valid Expected graduation year: check it and try again.", page.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("The value", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("is-invalid", page.QuerySelector("#Input_GraduationYear")!.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wizard_Resume_GoesBackToTheFurthestStep()
    {
        var (client, _) = await StudentAsync("resumer");
        var id = await client.StartDraftAsync("weill-cornell-medicine");
        await AddSponsorAsync(client, id, "resume.sponsor@hospital.example").AcceptedAsync();
        await client.SubmitFormExpectingRedirectAsync($"/register/{id}/sponsors", $"form[action='/register/{id}/sponsors/next']", new Dictionary<string, string>());

        using var resumed = await client.GetAsync($"/register/{id}");
        var start = await client.GetDocumentAsync("/register");

        Assert.Equal($"/register/{id}/officers", resumed.Headers.Location!.OriginalString);
        Assert.NotNull(start.QuerySelector($"a[href='/register/{id}']"));
    }

    [Fact]
    public async Task SponsorsNext_WithoutASponsor_IsRefused()
    {
        var (client, _) = await StudentAsync("no.sponsor");
        var id = await client.StartDraftAsync("nyu-grossman-som");

        using var response = await client.SubmitFormAsync($"/register/{id}/sponsors", $"form[action='/register/{id}/sponsors/next']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Add at least one faculty sponsor before going on.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_Incomplete_IsRefusedWithWhatIsMissing()
    {
        var (client, _) = await StudentAsync("incomplete");
        var id = await client.StartDraftAsync("columbia-vagelos-ps");

        using var response = await client.PostAsync($"/register/{id}/submit", await AntiforgeryFormAsync(client, $"/register/{id}/review"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Add at least one faculty sponsor.", page.QuerySelector("#missing")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RigStatus.Draft, await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Submit_Twice_IsRefusedTheSecondTime()
    {
        var (client, _) = await StudentAsync("twice");
        var id = await CompleteDraftAsync(client, "cuny-som");
        var form = await AntiforgeryFormAsync(client, $"/register/{id}/review");

        using var first = await client.PostAsync($"/register/{id}/submit", form);
        using var second = await client.PostAsync($"/register/{id}/submit", await AntiforgeryFormAsync(client, $"/register/{id}/review"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("already been submitted", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherStudent_CannotReadOrChangeADraft()
    {
        var (owner, _) = await StudentAsync("draft.owner");
        var (other, _) = await StudentAsync("draft.snoop");
        var id = await owner.StartDraftAsync("mount-sinai-icahn-som");

        using var read = await other.GetAsync($"/register/{id}/review");
        using var write = await other.PostAsync($"/register/{id}/sponsors", await AntiforgeryFormAsync(other, "/register"));

        Assert.Contains("/Identity/Account/AccessDenied", read.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("/Identity/Account/AccessDenied", write.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_ExtraFields_CannotSetStatusOrSchool()
    {
        var (client, _) = await StudentAsync("overposter");
        var id = await client.StartDraftAsync("northwestern-feinberg-som");
        var otherSchool = await factory.WithDbAsync(db => db.Schools.Where(s => s.Slug == "rush-medical-college").Select(s => s.Id).SingleAsync());
        var fields = Details();
        fields["Input.Status"] = "Approved";
        fields["Status"] = "Approved";
        fields["SchoolId"] = otherSchool.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Input.SchoolId"] = otherSchool.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["CreatedByUserId"] = "someone-else";
        fields["Officers[0].UserId"] = "someone-else";
        fields["Input.Officers[0].UserId"] = "someone-else";

        // The legitimate part of the post is accepted and saved; the extra fields are ignored.
        await client.SubmitFormExpectingRedirectAsync($"/register/{id}/details", "#details-form", fields);

        var rig = await factory.WithDbAsync(db => db.Rigs.Include(r => r.School).SingleAsync(r => r.Id == id));
        Assert.Equal(fields["Input.Description"], rig.Description);
        Assert.Equal(RigStatus.Draft, rig.Status);
        Assert.Equal("northwestern-feinberg-som", rig.School!.Slug);
        Assert.NotEqual("someone-else", rig.CreatedByUserId);
        Assert.False(await factory.WithDbAsync(db => db.RigOfficers.AnyAsync(o => o.UserId == "someone-else")));
    }

    [Fact]
    public async Task Start_AtASchoolWithAPendingRig_OffersItsLeadersInstead()
    {
        var (first, _) = await StudentAsync("first.at.school");
        var (second, _) = await StudentAsync("second.at.school");
        var id = await CompleteDraftAsync(first, "uchicago-pritzker-som");
        await first.PostExpectingRedirectAsync($"/register/{id}/submit", await AntiforgeryFormAsync(first, $"/register/{id}/review"));

        var page = await second.GetDocumentAsync("/register?school=uchicago-pritzker-som");
        var choices = await second.GetDocumentAsync("/register?q=Pritzker");
        using var forced = await second.SubmitFormAsync("/register?q=Pritzker", "form[action='/register'][method=post]", new Dictionary<string, string> { ["school"] = "uchicago-pritzker-som" });

        Assert.True(page.QuerySelector("input[value='uchicago-pritzker-som']")!.HasAttribute("disabled"));
        Assert.True(choices.QuerySelector("input[value='uchicago-pritzker-som']")!.HasAttribute("disabled"));
        Assert.Contains("A RIG here is being registered", choices.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(choices.QuerySelector("a[href='/schools/uchicago-pritzker-som#starters']"));
        Assert.DoesNotContain("waiting for review", choices.QuerySelector("fieldset")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/register?school=uchicago-pritzker-som", forced.Headers.Location!.OriginalString);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Rigs.CountAsync(r => r.School!.Slug == "uchicago-pritzker-som")));
    }

    [Fact]
    public async Task MissingSchool_IsRequestedAndTravelsWithTheDraft()
    {
        var (client, _) = await StudentAsync("missing.school");

        using var response = await client.SubmitFormAsync("/register", "form[action='/register/missing-school']", new Dictionary<string, string>
        {
            ["MissingSchool.Name"] = "Northwoods College of Medicine",
            ["MissingSchool.City"] = "Duluth",
            ["MissingSchool.State"] = "US-MN",
            ["MissingSchool.Degree"] = "DO",
        });

        Assert.Matches(@"^/register/\d+/sponsors$", response.Headers.Location!.OriginalString);
        var school = await factory.WithDbAsync(db => db.Schools.SingleAsync(s => s.Name == "Northwoods College of Medicine"));
        Assert.Equal(SchoolStatus.Requested, school.Status);
        Assert.Equal(DegreeType.DO, school.Degree);
        Assert.True(await factory.WithDbAsync(db => db.Rigs.AnyAsync(r => r.SchoolId == school.Id && r.Status == RigStatus.Draft)));
        using var anonymous = factory.CreateNonRedirectingClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/schools/{school.Slug}")).StatusCode);
    }

    [Fact]
    public async Task MissingSchool_WithoutState_KeepsWhatWasTyped()
    {
        var (client, _) = await StudentAsync("missing.state");

        using var response = await client.SubmitFormAsync("/register", "form[action='/register/missing-school']", new Dictionary<string, string>
        {
            ["MissingSchool.Name"] = "Lakeside School of Medicine",
            ["MissingSchool.City"] = "Lakeside",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Lakeside School of Medicine", page.QuerySelector("#MissingSchool_Name")!.GetAttribute("value"));
        Assert.Contains("Choose the state or province.", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SponsorLink_ConfirmsWithoutAnAccount_AndABadLinkSaysSo()
    {
        var (client, _) = await StudentAsync("sponsor.link");
        var id = await client.StartDraftAsync("harvard-medical-school");
        await AddSponsorAsync(client, id, "confirming.sponsor@hospital.example").AcceptedAsync();
        var link = new Uri(PickupDirectoryEmailTransport.FirstLink((await factory.SentEmailsAsync()).LastTo("confirming.sponsor@hospital.example").HtmlBody ?? "")!).PathAndQuery;
        using var anonymous = factory.CreateNonRedirectingClient();

        using var confirmed = await anonymous.SubmitFormAsync(link, "main form[method=post]", new Dictionary<string, string>());
        var bad = await anonymous.GetDocumentAsync("/sponsors/confirm/not-a-real-token");

        Assert.Contains("You are confirmed as a faculty sponsor", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(await factory.WithDbAsync(db => db.FacultySponsors.Where(s => s.Email == "confirming.sponsor@hospital.example").Select(s => s.ConfirmedAt).SingleAsync()));
        Assert.Equal("This link is not valid", bad.QuerySelector("h1")!.TextContent);
        var sponsors = await client.GetDocumentAsync($"/register/{id}/sponsors");
        Assert.Contains("Confirmed", sponsors.QuerySelector(".list-group")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_AcceptedOnce_MakesTheInviteeAnOfficer()
    {
        var (leader, _) = await StudentAsync("inviting.leader");
        var (invitee, inviteeUser) = await StudentAsync("invited.coleader");
        var id = await leader.StartDraftAsync("uic-com-chicago");

        await leader.SubmitFormExpectingRedirectAsync($"/register/{id}/officers", "#invite-form", new Dictionary<string, string> { ["Invite.Email"] = "invited.coleader@example.org", ["Invite.Position"] = "Treasurer" });
        var link = new Uri(PickupDirectoryEmailTransport.FirstLink((await factory.SentEmailsAsync()).LastTo("invited.coleader@example.org").HtmlBody ?? "")!).PathAndQuery;
        using var anonymous = factory.CreateNonRedirectingClient();
        using var anonymousVisit = await anonymous.GetAsync(link);
        using var accepted = await invitee.SubmitFormAsync(link, "main form[method=post]", new Dictionary<string, string> { ["Input.GraduationYear"] = "2029" });
        var reused = await invitee.GetDocumentAsync(link);

        Assert.Contains("/Identity/Account/Login", anonymousVisit.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("/my/rigs", accepted.Headers.Location!.OriginalString);
        var officer = await factory.WithDbAsync(db => db.RigOfficers.SingleAsync(o => o.RigId == id && o.UserId == inviteeUser.Id));
        Assert.Equal("Treasurer", officer.Position);
        Assert.Equal(2029, officer.GraduationYear);
        Assert.Contains("already been used", reused.Body!.TextContent, StringComparison.Ordinal);
        using var coLeaderView = await invitee.GetAsync($"/register/{id}/officers");
        Assert.Equal(HttpStatusCode.OK, coLeaderView.StatusCode);
    }

    private static async Task<FormUrlEncodedContent> AntiforgeryFormAsync(HttpClient client, string url)
    {
        var page = await client.GetDocumentAsync(url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        return new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
    }
}

public sealed class InvitationExpiryTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task Invitation_AfterFourteenDays_HasExpired()
    {
        var leaderUser = await factory.CreateUserAsync("expiry.leader@example.org", "expiry test password", emailConfirmed: true, Roles.Student);
        var inviteeUser = await factory.CreateUserAsync("expiry.invitee@example.org", "expiry test password", emailConfirmed: true, Roles.Student);
        using var leader = factory.CreateClientAs(leaderUser.Id, Roles.Student);
        using var invitee = factory.CreateClientAs(inviteeUser.Id, Roles.Student);
        var id = await leader.StartDraftAsync("tufts-som");
        await leader.SubmitFormExpectingRedirectAsync($"/register/{id}/officers", "#invite-form", new Dictionary<string, string> { ["Invite.Email"] = "expiry.invitee@example.org", ["Invite.Position"] = "Secretary" });
        var link = new Uri(PickupDirectoryEmailTransport.FirstLink((await factory.SentEmailsAsync()).LastTo("expiry.invitee@example.org").HtmlBody ?? "")!).PathAndQuery;

        factory.Clock.Advance(TimeSpan.FromDays(15));
        var page = await invitee.GetDocumentAsync(link);

        Assert.Contains("This invitation has expired", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
