using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>Mentors offer, ACR reviews, students find and ask, mentors answer; every rule of the lifecycle over HTTP.</summary>
public sealed class MentoringTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    private const string Admin = "mentoring-admin";

    private async Task<(HttpClient Client, ApplicationUser User)> PersonAsync(string name, bool confirmed = true)
    {
        var user = await factory.CreateUserAsync($"{name}@example.org", "mentoring test password", confirmed, Roles.Student);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, name.Replace('.', ' '))));
        return (factory.CreateClientAs(user.Id, Roles.Student), user);
    }

    private async Task<(int Id, HttpClient Client, ApplicationUser User)> MentorAsync(string name, int capacity = 2, MentorStatus status = MentorStatus.Active, string school = "harvard-medical-school", string subspecialty = "neuroradiology")
    {
        var (client, user) = await PersonAsync(name);
        return (await TestMentors.AddAsync(factory, user, school, capacity, status, subspecialty), client, user);
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient student, int mentorId, string school = "yale-som") =>
        student.SubmitFormAsync($"/mentors/{mentorId}", "#ask-form", new Dictionary<string, string>
        {
            ["Request.School"] = school,
            ["Request.Message"] = "I am a second-year student and would love advice on starting radiology research.",
        });

    /// <summary>Asks from the mentor's page, typing the school as a student would.</summary>
    private static Task<HttpResponseMessage> AskFromAsync(HttpClient student, int mentorId, string schoolName) =>
        student.SubmitFormAsync($"/mentors/{mentorId}", "#ask-form", new Dictionary<string, string>
        {
            ["Request.SchoolName"] = schoolName,
            ["Request.Message"] = "I would love your advice on research in radiology, please.",
        });

    /// <summary>A complete offer to mentor, less the fields <paramref name="without"/>, with <paramref name="changes"/> on top.</summary>
    private static Dictionary<string, string> Offer(string[] without, params (string Field, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["Offer.Role"] = "Fellow",
            ["Offer.Institution"] = "Mayo Clinic",
            ["Offer.City"] = "Rochester",
            ["Offer.State"] = "US-MN",
            ["Offer.Subspecialties"] = "1",
            ["Offer.Offers"] = "CareerAdvice",
            ["Offer.Format"] = "Both",
            ["Offer.Bio"] = "A fellow who likes teaching students CT anatomy.",
        };
        foreach (var field in without)
        {
            values.Remove(field);
        }

        foreach (var (field, value) in changes)
        {
            values[field] = value;
        }

        return values;
    }

    private Task<int> RequestIdAsync(int mentorId, string studentId) =>
        factory.WithDbAsync(db => db.Mentorships.Where(m => m.MentorId == mentorId && m.StudentUserId == studentId).OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync());

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string formSelector, Dictionary<string, string>? values = null) =>
        await client.SubmitFormAsync(page, formSelector, values ?? []);

    private Task<MentorshipStatus> StatusAsync(int requestId) => factory.WithDbAsync(db => db.Mentorships.Where(m => m.Id == requestId).Select(m => m.Status).SingleAsync());

    [Fact]
    public async Task Offer_GoesToTheReviewDesk_ApprovalGrantsMentorRole_AndStudentsFindThem()
    {
        var (resident, user) = await PersonAsync("Rae.Resident");
        var (student, _) = await PersonAsync("Offer.Finder");
        using var admin = factory.CreateClientAs(Admin, Roles.AcrAdmin);
        var neuro = await factory.WithDbAsync(db => db.Subspecialties.Where(s => s.Slug == "pediatric-radiology").Select(s => s.Id).SingleAsync());

        using var offered = await resident.SubmitFormAsync("/mentoring/offer", "#offer-form", new Dictionary<string, string>
        {
            ["Offer.Role"] = "Resident",
            ["Offer.Institution"] = "Boston Children's Hospital",
            ["Offer.City"] = "Boston",
            ["Offer.State"] = "US-MA",
            ["Offer.Subspecialties"] = neuro.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Offer.Offers"] = "ResearchProjects",
            ["Offer.Format"] = "Virtual",
            ["Offer.Bio"] = "A pediatric radiology resident who helps students with their first research project.",
            ["Offer.Capacity"] = "2",
        });
        var id = await factory.WithDbAsync(db => db.MentorProfiles.Where(m => m.UserId == user.Id).Select(m => m.Id).SingleAsync());
        using var hiddenWhileReviewed = await student.GetAsync($"/mentors/{id}");
        var queue = await admin.GetDocumentAsync("/admin/reviews/mentors");
        using var approved = await admin.SubmitFormAsync($"/admin/reviews/mentors/{id}", "#mentor-decision-form", new Dictionary<string, string> { ["Decision.Action"] = "Approve" });
        var found = await student.GetDocumentAsync("/mentors?subspecialty=pediatric-radiology&format=Virtual&offer=ResearchProjects");

        Assert.Equal("/mentoring", offered.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, hiddenWhileReviewed.StatusCode);
        Assert.Contains("Rae Resident", queue.QuerySelector("#mentor-queue")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Mentor))));
        var card = Assert.Single(found.QuerySelectorAll("#mentors .mentor-card"));
        Assert.Contains("Resident, Boston Children's Hospital", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pediatric radiology", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Has room", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("You are a RigDirectory mentor", (await factory.SentEmailsAsync()).LastTo(user.Email!).Subject, StringComparison.Ordinal);
        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Mentor" && a.EntityId == user.Id)));
    }

    [Fact]
    public async Task Offer_WithoutChoices_IsRefusedWithEveryErrorAndKeepsWhatWasTyped()
    {
        var (resident, user) = await PersonAsync("Incomplete.Offer");

        using var response = await resident.SubmitFormAsync("/mentoring/offer", "#offer-form", Offer(["Offer.Subspecialties", "Offer.Offers"], ("Offer.Bio", "Too short")));
        var page = await HtmlForms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = page.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("bio of 20 to 1,000 characters", summary, StringComparison.Ordinal);
        Assert.Equal("Mayo Clinic", page.QuerySelector("#Offer_Institution")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.MentorProfiles.AnyAsync(m => m.UserId == user.Id)));
    }

    [Fact]
    public async Task Offer_NeedsAtLeastOneSubspecialtyAndOffer()
    {
        var (resident, _) = await PersonAsync("No.Choices");

        using var response = await resident.SubmitFormAsync("/mentoring/offer", "#offer-form", Offer(["Offer.Subspecialties", "Offer.Offers"]));
        var summary = (await HtmlForms.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose at least one subspecialty.", summary, StringComparison.Ordinal);
        Assert.Contains("Choose at least one thing you offer.", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offer_FromAnUnconfirmedAccount_IsRefused()
    {
        var (resident, user) = await PersonAsync("Unconfirmed.Offer", confirmed: false);

        using var response = await resident.SubmitFormAsync("/mentoring/offer", "#offer-form", Offer([]));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Confirm your email address first", (await HtmlForms.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.MentorProfiles.AnyAsync(m => m.UserId == user.Id)));
    }

    [Fact]
    public async Task RequestChanges_NeedsANote_TheMentorReadsItAndOffersAgain()
    {
        var (id, mentor, user) = await MentorAsync("Sent.Back", status: MentorStatus.Submitted);
        using var admin = factory.CreateClientAs(Admin, Roles.AcrAdmin);

        using var withoutNote = await admin.SubmitFormAsync($"/admin/reviews/mentors/{id}", "#mentor-decision-form", new Dictionary<string, string> { ["Decision.Action"] = "RequestChanges" });
        using var withNote = await admin.SubmitFormAsync($"/admin/reviews/mentors/{id}", "#mentor-decision-form", new Dictionary<string, string> { ["Decision.Action"] = "RequestChanges", ["Decision.Note"] = "Please name your current hospital." });
        var mine = await mentor.GetDocumentAsync("/mentoring");
        using var again = await mentor.SubmitFormAsync("/mentoring/offer", "#offer-form", new Dictionary<string, string> { ["Offer.Institution"] = "Brigham and Women's Hospital" });

        Assert.Equal(HttpStatusCode.BadRequest, withoutNote.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withNote.StatusCode);
        Assert.Equal("Please name your current hospital.", mine.QuerySelector("#review-note")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var profile = await factory.WithDbAsync(db => db.MentorProfiles.SingleAsync(m => m.Id == id));
        Assert.Equal(MentorStatus.Submitted, profile.Status);
        Assert.Equal("Brigham and Women's Hospital", profile.Institution);
        Assert.Contains("Changes requested", (await factory.SentEmailsAsync()).LastTo(user.Email!).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finder_ShowsOnlyActiveMentorsWithRoom_FullOnesMarkedWhenAsked_AndNeverAnEmail()
    {
        var (active, _, activeUser) = await MentorAsync("Finder.Active", subspecialty: "breast-imaging");
        var (full, _, _) = await MentorAsync("Finder.Full", capacity: 1, subspecialty: "breast-imaging");
        await MentorAsync("Finder.Paused", status: MentorStatus.Paused, subspecialty: "breast-imaging");
        await MentorAsync("Finder.Waiting", status: MentorStatus.Submitted, subspecialty: "breast-imaging");
        await TestMentors.SetActiveMenteesAsync(factory, full, 1);
        var (student, _) = await PersonAsync("Finder.Student");

        var withRoom = await student.GetDocumentAsync("/mentors?subspecialty=breast-imaging");
        var everyone = await student.GetDocumentAsync("/mentors?subspecialty=breast-imaging&room=false");
        var fullPage = await student.GetDocumentAsync($"/mentors/{full}");
        var html = await student.GetStringAsync($"/mentors/{active}") + await student.GetStringAsync("/mentors?subspecialty=breast-imaging");

        Assert.Equal(["Finder Active"], withRoom.QuerySelectorAll("#mentors h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(["Finder Active", "Finder Full"], everyone.QuerySelectorAll("#mentors h2").Select(h => h.TextContent.Trim()).Order());
        Assert.Contains("Full", everyone.QuerySelectorAll("#mentors .mentor-card").Single(c => c.TextContent.Contains("Finder Full", StringComparison.Ordinal)).QuerySelector(".mentor-room")!.TextContent, StringComparison.Ordinal);
        Assert.Null(fullPage.QuerySelector("#ask-form"));
        Assert.Contains("Full", fullPage.QuerySelector("#cannot-ask")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(activeUser.Email!, html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Finder Full works in Boston, Massachusetts", fullPage.QuerySelector("#mentor-place svg title")!.TextContent);
        Assert.NotNull(fullPage.QuerySelector("#mentor-place svg path[d^=M]"));
        Assert.NotNull(fullPage.QuerySelector("#mentor-place svg circle"));
    }

    [Fact]
    public async Task Finder_SortsByDistanceFromTheStudentsSchool_AndKeepsWithinTheRadius()
    {
        await MentorAsync("Near.Boston", school: "harvard-medical-school", subspecialty: "nuclear-medicine");
        await MentorAsync("Far.Seattle", school: "uw-som", subspecialty: "nuclear-medicine");
        var (student, _) = await PersonAsync("Distance.Student");

        var sorted = await student.GetDocumentAsync("/mentors?subspecialty=nuclear-medicine&school=tufts-som");
        var near = await student.GetDocumentAsync("/mentors?subspecialty=nuclear-medicine&school=tufts-som&within=100");

        Assert.Equal(["Near Boston", "Far Seattle"], sorted.QuerySelectorAll("#mentors h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("miles away", sorted.QuerySelector("#mentors .mentor-distance")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Near Boston"], near.QuerySelectorAll("#mentors h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task Finder_RemembersTheSchoolOfTheLastRequest_UnlessTheStudentChoosesNone()
    {
        var (mentorId, _, _) = await MentorAsync("Remembered.Mentor", subspecialty: "informatics-ai");
        var (student, _) = await PersonAsync("Remembering.Student");
        await AskAsync(student, mentorId, school: "tufts-som").AcceptedAsync();

        var remembered = await student.GetDocumentAsync("/mentors?subspecialty=informatics-ai&room=false");
        var none = await student.GetDocumentAsync("/mentors?subspecialty=informatics-ai&room=false&near=&within=100");

        Assert.Equal("Tufts University School of Medicine", remembered.QuerySelector("#near")!.GetAttribute("value"));
        Assert.Contains("nearest first", remembered.QuerySelector("#mentor-results-status")!.TextContent, StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(none.QuerySelector("#near")!.GetAttribute("value")));
        Assert.DoesNotContain("nearest first", none.QuerySelector("#mentor-results-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose your school to find mentors within 100 miles", none.QuerySelector("#within-needs-school")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offer_WithARoleOrFormatNotOnTheList_IsRefused()
    {
        var (resident, user) = await PersonAsync("Odd.Role");

        using var response = await resident.SubmitFormAsync("/mentoring/offer", "#offer-form", Offer([], ("Offer.Role", "99"), ("Offer.Format", "7")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = (await HtmlForms.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("\"99\" is not valid here", summary, StringComparison.Ordinal);
        Assert.Contains("\"7\" is not valid here", summary, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.MentorProfiles.AnyAsync(m => m.UserId == user.Id)));
    }

    [Fact]
    public async Task Finder_ATypedSchool_SortsFromTheBestMatch_AndOffersTheOthers()
    {
        await MentorAsync("Typed.Near", school: "uw-som", subspecialty: "radiation-oncology");
        var (student, _) = await PersonAsync("Typing.Student");

        var byName = await student.GetDocumentAsync("/mentors?subspecialty=radiation-oncology&near=University+of+Washington");
        var byCity = await student.GetDocumentAsync("/mentors?subspecialty=radiation-oncology&near=Seattle");
        var nothing = await student.GetDocumentAsync("/mentors?subspecialty=radiation-oncology&near=Zzyzx+Qwv");

        Assert.Equal("University of Washington School of Medicine", byName.QuerySelector("#near")!.GetAttribute("value"));
        Assert.Contains("nearest first", byName.QuerySelector("#mentor-results-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("?school=uw-som", byName.QuerySelector("#mentors h2 a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("miles away", byCity.QuerySelector("#mentors .mentor-distance")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No school matches \"Zzyzx Qwv\"", nothing.QuerySelector("#school-unknown")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ASchoolNameMatchingSeveral_AsksWhichOne_ThenSends()
    {
        var (mentorId, _, _) = await MentorAsync("Ambiguous.Mentor");
        var (student, user) = await PersonAsync("Ambiguous.Student");

        using var ambiguous = await AskFromAsync(student, mentorId, "University");
        var choose = await HtmlForms.ParseAsync(ambiguous);
        var offered = choose.QuerySelectorAll<IHtmlInputElement>("#school-choices input[type=radio]").First().Value;
        using var chosen = await student.SubmitFormAsync(choose, "#ask-form", new Dictionary<string, string> { ["Request.School"] = offered });

        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
        Assert.Contains("Several schools match", choose.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.True(choose.QuerySelectorAll("#school-choices input[type=radio]").Length > 1);
        Assert.Equal("I would love your advice on research in radiology, please.", choose.QuerySelector("#Request_Message")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(offered, await factory.WithDbAsync(db => db.Mentorships.Where(m => m.StudentUserId == user.Id).Select(m => m.StudentSchool!.Slug).SingleAsync()));
    }

    [Fact]
    public async Task FilterForm_OnlyWithRoom_IsOnUntilUnticked()
    {
        var (full, _, _) = await MentorAsync("Form.Full", capacity: 1, subspecialty: "general-radiology");
        await TestMentors.SetActiveMenteesAsync(factory, full, 1);
        var (student, _) = await PersonAsync("Form.Student");
        var page = await student.GetDocumentAsync("/mentors");

        var ticked = await GetFormAsync(student, page, new() { ["subspecialty"] = "general-radiology" });
        var unticked = await GetFormAsync(student, page, new() { ["subspecialty"] = "general-radiology" }, untick: "room");

        Assert.Empty(ticked.QuerySelectorAll("#mentors .mentor-card"));
        Assert.True(ticked.QuerySelector<IHtmlInputElement>("#room")!.IsChecked);
        Assert.Single(unticked.QuerySelectorAll("#mentors .mentor-card"));
        Assert.False(unticked.QuerySelector<IHtmlInputElement>("#room")!.IsChecked);
    }

    [Fact]
    public async Task Ask_ChosenSchoolIsKept_WhenTheMessageNeedsFixing()
    {
        var (mentorId, _, _) = await MentorAsync("Kept.Choice");
        var (student, _) = await PersonAsync("Kept.Student");
        using var ambiguous = await AskFromAsync(student, mentorId, "University");

        var choose = await HtmlForms.ParseAsync(ambiguous);
        var offered = choose.QuerySelectorAll<IHtmlInputElement>("#school-choices input[type=radio]").Last().Value;

        using var tooShort = await student.SubmitFormAsync(choose, "#ask-form", new Dictionary<string, string> { ["Request.School"] = offered, ["Request.Message"] = "Hi" });
        var again = await HtmlForms.ParseAsync(tooShort);

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.True(again.QuerySelector<IHtmlInputElement>($"#choice-{offered}")!.IsChecked);
        Assert.Single(again.QuerySelectorAll("#school-choices input:checked"));
    }

    /// <summary>Submits a GET form as a browser does: its fields in document order, ticked boxes only.</summary>
    private static async Task<IDocument> GetFormAsync(HttpClient client, IDocument page, Dictionary<string, string> values, string? untick = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>("#mentor-filters")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box:
                    if (box.IsChecked && box.Name != untick)
                    {
                        fields.Add(new(box.Name!, box.Value));
                    }

                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type != "submit":
                    fields.Add(new(input.Name!, values.GetValueOrDefault(input.Name!, input.Value)));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, values.GetValueOrDefault(select.Name!, select.Value ?? "")));
                    break;
            }
        }

        var query = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return await client.GetDocumentAsync($"/mentors?{query}");
    }

    [Fact]
    public async Task Finder_NeedsSignIn()
    {
        using var anonymous = factory.CreateNonRedirectingClient();

        using var response = await anonymous.GetAsync("/mentors");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Accept_BothSeeEachOthersEmail_AndAFirstStep()
    {
        var (mentorId, mentor, mentorUser) = await MentorAsync("Accepting.Mentor");
        var (student, studentUser) = await PersonAsync("Accepted.Student");

        using var asked = await AskAsync(student, mentorId);
        var request = await RequestIdAsync(mentorId, studentUser.Id);
        var mentorBefore = await mentor.GetDocumentAsync("/mentoring");
        using var accepted = await PostAsync(mentor, "/mentoring", $"form[action='/mentorships/{request}/accept']");
        var mentorAfter = await mentor.GetDocumentAsync("/mentoring");
        var studentAfter = await student.GetDocumentAsync("/my/mentors");
        var emails = await factory.SentEmailsAsync();

        Assert.Equal("/my/mentors", asked.Headers.Location!.OriginalString);
        Assert.Contains("Accepted Student", mentorBefore.QuerySelector("#waiting-requests")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(studentUser.Email!, mentorBefore.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("asks you to mentor them", emails.LastTo(mentorUser.Email!).Subject, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(studentUser.Email, mentorAfter.QuerySelector("#my-mentees .mentee-email")!.TextContent);
        Assert.Equal(mentorUser.Email, studentAfter.QuerySelector("#my-mentorships .mentor-email")!.TextContent);
        Assert.Contains("A good first step", studentAfter.QuerySelector("#my-mentorships")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(mentorUser.Email!, emails.LastTo(studentUser.Email!).HtmlBody, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.MentorProfiles.Where(m => m.Id == mentorId).Select(m => m.ActiveMentees).SingleAsync()));
    }

    [Fact]
    public async Task Ask_AFullMentor_IsRefused()
    {
        var (mentorId, _, _) = await MentorAsync("Refusing.Full", capacity: 1);
        var (first, _) = await PersonAsync("First.Asker");
        var (second, secondUser) = await PersonAsync("Second.Asker");
        var form = await second.GetDocumentAsync($"/mentors/{mentorId}");
        await TestMentors.SetActiveMenteesAsync(factory, mentorId, 1);

        using var refused = await second.SubmitFormAsync(form, "#ask-form", new Dictionary<string, string>
        {
            ["Request.School"] = "yale-som",
            ["Request.Message"] = "I would love your advice on research in radiology, please.",
        });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("is full", (await HtmlForms.ParseAsync(refused)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Mentorships.AnyAsync(m => m.StudentUserId == secondUser.Id)));
        first.Dispose();
    }

    [Fact]
    public async Task Ask_AFourthOpenRequest_IsRefused_UntilOneIsCancelled()
    {
        var mentors = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            mentors.Add((await MentorAsync($"Four.Mentor{i}")).Id);
        }

        var (student, user) = await PersonAsync("Four.Asker");
        for (var i = 0; i < 3; i++)
        {
            await AskAsync(student, mentors[i]).AcceptedAsync();
        }

        var fourthPage = await student.GetDocumentAsync($"/mentors/{mentors[3]}");
        using var fourth = await student.PostAsync($"/mentors/{mentors[3]}/ask",
            Form(await TokenAsync(student), ("Request.School", "yale-som"), ("Request.Message", "I would love your advice on research in radiology, please.")));
        var request = await RequestIdAsync(mentors[0], user.Id);
        using var cancelled = await PostAsync(student, "/my/mentors", $"form[action='/mentorships/{request}/cancel']");
        using var nowAllowed = await AskAsync(student, mentors[3]);

        Assert.Contains("3 requests waiting", fourthPage.QuerySelector("#cannot-ask")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, fourth.StatusCode);
        Assert.Equal(MentorshipStatus.Cancelled, await StatusAsync(request));
        Assert.Equal(HttpStatusCode.Redirect, nowAllowed.StatusCode);
        Assert.Equal(3, await factory.WithDbAsync(db => db.Mentorships.CountAsync(m => m.StudentUserId == user.Id && m.Status == MentorshipStatus.Requested)));
    }

    [Fact]
    public async Task Ask_TheSameMentorTwice_IsRefused()
    {
        var (mentorId, _, _) = await MentorAsync("Twice.Mentor");
        var (student, user) = await PersonAsync("Twice.Asker");
        var form = await student.GetDocumentAsync($"/mentors/{mentorId}");

        await AskAsync(student, mentorId).AcceptedAsync();
        using var again = await student.SubmitFormAsync(form, "#ask-form", new Dictionary<string, string>
        {
            ["Request.School"] = "yale-som",
            ["Request.Message"] = "Asking again, in case my first request went astray.",
        });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Mentorships.CountAsync(m => m.StudentUserId == user.Id)));
    }

    [Fact]
    public async Task Accept_AnExpiredRequest_IsRefused()
    {
        var (mentorId, mentor, _) = await MentorAsync("Late.Mentor");
        var (student, user) = await PersonAsync("Late.Student");
        await AskAsync(student, mentorId).AcceptedAsync();
        var request = await RequestIdAsync(mentorId, user.Id);
        var page = await mentor.GetDocumentAsync("/mentoring");

        // The worker is off here: the request is past its date but not yet marked expired, and still cannot be accepted.
        factory.Clock.Advance(TimeSpan.FromDays(15));
        using var late = await mentor.SubmitFormAsync(page, $"form[action='/mentorships/{request}/accept']", new Dictionary<string, string>());
        var after = await mentor.GetDocumentAsync("/mentoring");

        Assert.Contains("This request expired", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(MentorshipStatus.Requested, await StatusAsync(request));
        Assert.Equal(0, await factory.WithDbAsync(db => db.MentorProfiles.Where(m => m.Id == mentorId).Select(m => m.ActiveMentees).SingleAsync()));
    }

    [Fact]
    public async Task Decline_WithANote_TheStudentReadsIt_AndMayAskSomeoneElse()
    {
        var (mentorId, mentor, _) = await MentorAsync("Declining.Mentor");
        var (student, user) = await PersonAsync("Declined.Student");
        await AskAsync(student, mentorId).AcceptedAsync();
        var request = await RequestIdAsync(mentorId, user.Id);

        using var declined = await PostAsync(mentor, "/mentoring", $"form[action='/mentorships/{request}/decline']", new() { ["Decline.Note"] = "I am away until March." });
        var mine = await student.GetDocumentAsync("/my/mentors");

        Assert.Equal(MentorshipStatus.Declined, await StatusAsync(request));
        Assert.Contains("I am away until March.", mine.QuerySelector("#past-requests")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("I am away until March.", (await factory.SentEmailsAsync()).LastTo(user.Email!).HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task End_EitherSide_FreesThePlace_AndTellsTheOther()
    {
        var (mentorId, mentor, mentorUser) = await MentorAsync("Ending.Mentor", capacity: 1, subspecialty: "emergency-radiology");
        var (student, user) = await PersonAsync("Ending.Student");
        await AskAsync(student, mentorId).AcceptedAsync();
        var request = await RequestIdAsync(mentorId, user.Id);
        await PostAsync(mentor, "/mentoring", $"form[action='/mentorships/{request}/accept']").AcceptedAsync();
        var whileFull = await student.GetDocumentAsync("/mentors?subspecialty=emergency-radiology");

        using var ended = await PostAsync(student, "/my/mentors", $"form[action='/mentorships/{request}/end']", new() { ["End.Note"] = "Thank you, I matched!" });
        var afterEnd = await student.GetDocumentAsync("/mentors?subspecialty=emergency-radiology");

        Assert.Empty(whileFull.QuerySelectorAll("#mentors .mentor-card"));
        Assert.Equal(MentorshipStatus.Ended, await StatusAsync(request));
        Assert.Single(afterEnd.QuerySelectorAll("#mentors .mentor-card"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.MentorProfiles.Where(m => m.Id == mentorId).Select(m => m.ActiveMentees).SingleAsync()));
        Assert.Contains("Thank you, I matched!", (await factory.SentEmailsAsync()).LastTo(mentorUser.Email!).HtmlBody, StringComparison.Ordinal);
        Assert.Equal(3, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Mentorship" && a.EntityId == request.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task Nobody_ActsOnOrReadsAMentorshipTheyAreNotPartOf()
    {
        var (mentorId, _, _) = await MentorAsync("Private.Mentor");
        var (_, otherMentor, _) = await MentorAsync("Other.Mentor");
        var (student, user) = await PersonAsync("Private.Student");
        var (stranger, _) = await PersonAsync("Private.Stranger");
        await AskAsync(student, mentorId).AcceptedAsync();
        var request = await RequestIdAsync(mentorId, user.Id);
        var token = await TokenAsync(stranger);

        var responses = new List<HttpResponseMessage>
        {
            await otherMentor.PostAsync($"/mentorships/{request}/accept", Form(await TokenAsync(otherMentor))),
            await otherMentor.PostAsync($"/mentorships/{request}/decline", Form(await TokenAsync(otherMentor))),
            await stranger.PostAsync($"/mentorships/{request}/cancel", Form(token)),
            await stranger.PostAsync($"/mentorships/{request}/end", Form(token)),
            await stranger.PostAsync($"/mentorships/{request}/report", Form(token, ("Report.Note", "Trying to read someone else's request."))),
        };
        var strangersPage = await stranger.GetStringAsync("/my/mentors");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.DoesNotContain("Private Mentor", strangersPage, StringComparison.Ordinal);
        Assert.DoesNotContain("second-year student", await otherMentor.GetStringAsync("/mentoring"), StringComparison.Ordinal);
        Assert.Equal(MentorshipStatus.Requested, await StatusAsync(request));
        responses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Report_ReachesTheConsole_AndAnAdminMarksItDealtWith()
    {
        var (mentorId, mentor, _) = await MentorAsync("Reported.Mentor");
        var (student, user) = await PersonAsync("Reporting.Student");
        await AskAsync(student, mentorId).AcceptedAsync();
        var request = await RequestIdAsync(mentorId, user.Id);
        await PostAsync(mentor, "/mentoring", $"form[action='/mentorships/{request}/accept']").AcceptedAsync();
        using var admin = factory.CreateClientAs(Admin, Roles.AcrAdmin);

        using var reported = await PostAsync(student, "/my/mentors", $"form[action='/mentorships/{request}/report']", new() { ["Report.Note"] = "My mentor asked me to pay for a review of my application." });
        var console = await admin.GetDocumentAsync("/admin/mentoring");
        var history = await admin.GetDocumentAsync($"/admin/mentoring/mentorships/{request}");
        var report = await factory.WithDbAsync(db => db.MentorshipReports.SingleAsync(r => r.MentorshipId == request));
        using var resolved = await admin.SubmitFormAsync(console, $"form[action='/admin/mentoring/reports/{report.Id}/resolve']", new Dictionary<string, string>());
        var after = await admin.GetStringAsync("/admin/mentoring");

        Assert.Contains("asked me to pay", console.QuerySelector("#open-reports")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mentorship accepted", history.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mentorship reported", history.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("asked me to pay", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivate_NeedsANote_ClosesEveryRequestAndMentorship_AndTellsEveryone()
    {
        var (mentorId, mentor, mentorUser) = await MentorAsync("Deactivated.Mentor", capacity: 3);
        var (mentee, menteeUser) = await PersonAsync("Deactivated.Mentee");
        var (waiting, waitingUser) = await PersonAsync("Deactivated.Waiting");
        await AskAsync(mentee, mentorId).AcceptedAsync();
        await AskAsync(waiting, mentorId).AcceptedAsync();
        await PostAsync(mentor, "/mentoring", $"form[action='/mentorships/{await RequestIdAsync(mentorId, menteeUser.Id)}/accept']").AcceptedAsync();
        using var admin = factory.CreateClientAs(Admin, Roles.AcrAdmin);

        using var withoutNote = await admin.SubmitFormAsync($"/admin/reviews/mentors/{mentorId}", "#deactivate-form", new Dictionary<string, string>());
        using var deactivated = await admin.SubmitFormAsync($"/admin/reviews/mentors/{mentorId}", "#deactivate-form", new Dictionary<string, string> { ["Deactivate.Note"] = "Reported by two students." });
        var emails = await factory.SentEmailsAsync();

        Assert.Equal(HttpStatusCode.BadRequest, withoutNote.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Equal(MentorStatus.Deactivated, await factory.WithDbAsync(db => db.MentorProfiles.Where(m => m.Id == mentorId).Select(m => m.Status).SingleAsync()));
        Assert.Equal(MentorshipStatus.Ended, await StatusAsync(await RequestIdAsync(mentorId, menteeUser.Id)));
        Assert.Equal(MentorshipStatus.Declined, await StatusAsync(await RequestIdAsync(mentorId, waitingUser.Id)));
        Assert.Contains("Reported by two students.", emails.LastTo(mentorUser.Email!).HtmlBody, StringComparison.Ordinal);
        Assert.Contains("has ended", emails.LastTo(menteeUser.Email!).Subject, StringComparison.Ordinal);
        Assert.Contains("was closed", emails.LastTo(waitingUser.Email!).Subject, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == mentorUser.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Mentor))));
    }

    [Fact]
    public async Task ApprovedMentor_EditsGoLiveAtOnce_ButCapacityCannotDropBelowTheirMentees()
    {
        var (mentorId, mentor, user) = await MentorAsync("Editing.Mentor", capacity: 3);
        await TestMentors.SetActiveMenteesAsync(factory, mentorId, 2);

        using var tooLow = await mentor.SubmitFormAsync("/mentoring/offer", "#offer-form", new Dictionary<string, string> { ["Offer.Capacity"] = "1" });
        using var saved = await mentor.SubmitFormAsync("/mentoring/offer", "#offer-form", new Dictionary<string, string> { ["Offer.Capacity"] = "2", ["Offer.Institution"] = "Beth Israel Deaconess Medical Center" });

        Assert.Equal(HttpStatusCode.BadRequest, tooLow.StatusCode);
        Assert.Contains("You mentor 2 students now", (await HtmlForms.ParseAsync(tooLow)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var profile = await factory.WithDbAsync(db => db.MentorProfiles.SingleAsync(m => m.Id == mentorId));
        Assert.Equal((MentorStatus.Active, 2, "Beth Israel Deaconess Medical Center"), (profile.Status, profile.Capacity, profile.Institution));
        Assert.Contains("Capacity: 3 → 2", await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Mentor" && a.EntityId == user.Id).Select(a => a.Changes!).SingleAsync()) is { } json ? Web.Domain.AuditChanges.Parse(json).ToString() : "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_HidesTheMentor_ResumeBringsThemBack()
    {
        var (mentorId, mentor, _) = await MentorAsync("Pausing.Mentor", subspecialty: "cardiothoracic");
        var (student, _) = await PersonAsync("Pause.Student");

        using var paused = await PostAsync(mentor, "/mentoring", "form[action='/mentoring/pause']");
        var whilePaused = await student.GetDocumentAsync("/mentors?subspecialty=cardiothoracic");
        using var pausedPage = await student.GetAsync($"/mentors/{mentorId}");
        using var resumed = await PostAsync(mentor, "/mentoring", "form[action='/mentoring/resume']");
        var afterResume = await student.GetDocumentAsync("/mentors?subspecialty=cardiothoracic");

        Assert.Empty(whilePaused.QuerySelectorAll("#mentors .mentor-card"));
        Assert.Equal(HttpStatusCode.NotFound, pausedPage.StatusCode);
        Assert.Single(afterResume.QuerySelectorAll("#mentors .mentor-card"));
    }

    [Fact]
    public async Task Leaders_LinkAMentor_TheRigProfileListsThem()
    {
        var (mentorId, mentor, mentorUser) = await MentorAsync("Linked.Mentor");
        var leader = await factory.CreateUserAsync("mentor.linker@example.org", "mentor linker password", emailConfirmed: true, Roles.RigLeader);
        var rigId = await factory.WithDbAsync(async db =>
        {
            var rig = await TestRigs.MakeAsync(db, "linking-rig", "Linking RIG", "uconn-som", RigStatus.Approved, r =>
                r.Officers.Add(new RigOfficer { UserId = leader.Id, Position = "President", GraduationYear = 2028 }));
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return rig.Id;
        });
        using var leaderClient = factory.CreateClientAs(leader.Id, Roles.RigLeader);
        var (outsider, _) = await PersonAsync("Link.Outsider");
        using var anonymous = factory.CreateNonRedirectingClient();

        using var unknown = await leaderClient.SubmitFormAsync($"/my/rigs/{rigId}/mentors", "#link-mentor-form", new Dictionary<string, string> { ["mentorEmail"] = "nobody@example.org" });
        using var linked = await leaderClient.SubmitFormAsync($"/my/rigs/{rigId}/mentors", "#link-mentor-form", new Dictionary<string, string> { ["mentorEmail"] = mentorUser.Email! });
        var profile = await anonymous.GetDocumentAsync("/rigs/linking-rig");
        using var outsiders = await outsider.GetAsync($"/my/rigs/{rigId}/mentors");
        var mentorsPage = await mentor.GetDocumentAsync("/mentoring");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Contains("Linked Mentor", profile.QuerySelector("#rig-mentors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/mentors/{mentorId}", profile.QuerySelector("#rig-mentors a")!.GetAttribute("href"));
        Assert.DoesNotContain(mentorUser.Email!, profile.Body!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(HttpStatusCode.OK, outsiders.StatusCode);
        Assert.Contains("Linking RIG", mentorsPage.QuerySelector("#linked-rigs")!.TextContent, StringComparison.Ordinal);

        // The mentor may take themselves off the RIG's profile.
        using var removed = await mentor.SubmitFormAsync(mentorsPage, $"form[action='/my/rigs/{rigId}/mentors/{mentorId}/remove']", new Dictionary<string, string>());
        Assert.Equal("/mentoring", removed.Headers.Location!.OriginalString);
        Assert.Null((await anonymous.GetDocumentAsync("/rigs/linking-rig")).QuerySelector("#rig-mentors"));

        // And the leaders may remove a mentor they linked.
        await leaderClient.SubmitFormAsync($"/my/rigs/{rigId}/mentors", "#link-mentor-form", new Dictionary<string, string> { ["mentorEmail"] = mentorUser.Email! }).AcceptedAsync();
        using var unlinked = await leaderClient.SubmitFormAsync($"/my/rigs/{rigId}/mentors", $"form[action='/my/rigs/{rigId}/mentors/{mentorId}/remove']", new Dictionary<string, string>());
        Assert.Equal($"/my/rigs/{rigId}/mentors", unlinked.Headers.Location!.OriginalString);
        Assert.False(await factory.WithDbAsync(db => db.RigMentors.AnyAsync(l => l.RigId == rigId)));
    }

    [Fact]
    public async Task Console_ShowsSupplyDemandAndAnswers_AsTablesAndCharts_ToAdminsOnly()
    {
        var (mentorId, mentor, _) = await MentorAsync("Console.Mentor", capacity: 3);
        var (student, user) = await PersonAsync("Console.Student");
        await AskAsync(student, mentorId).AcceptedAsync();
        factory.Clock.Advance(TimeSpan.FromHours(48));
        await PostAsync(mentor, "/mentoring", $"form[action='/mentorships/{await RequestIdAsync(mentorId, user.Id)}/accept']").AcceptedAsync();
        using var admin = factory.CreateClientAs(Admin, Roles.AcrAdmin);
        using var studentConsole = await student.GetAsync("/admin/mentoring");

        var console = await admin.GetDocumentAsync("/admin/mentoring");

        Assert.NotEqual(HttpStatusCode.OK, studentConsole.StatusCode);
        Assert.EndsWith("%", console.QuerySelector("#acceptance-rate")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("days", console.QuerySelector("#median-answer")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(console.QuerySelector("#supply-chart svg[role=img] rect.bar"));
        Assert.NotNull(console.QuerySelector("#subspecialty-chart svg title"));
        Assert.Contains("Region 1", console.QuerySelector("#supply-by-region")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admins_AddAndRetireSubspecialties_RetiredOnesLeaveTheFilters()
    {
        using var admin = factory.CreateClientAs(Admin, Roles.AcrAdmin);
        var (student, _) = await PersonAsync("Subspecialty.Student");

        await admin.SubmitFormAsync("/admin/mentoring", "#add-subspecialty", new Dictionary<string, string> { ["Subspecialty.Name"] = "Molecular imaging" }).AcceptedAsync();
        var added = await student.GetDocumentAsync("/mentors");
        var id = await factory.WithDbAsync(db => db.Subspecialties.Where(s => s.Slug == "molecular-imaging").Select(s => s.Id).SingleAsync());
        await admin.PostAsync($"/admin/mentoring/subspecialties/{id}", Form(await TokenAsync(admin), ("retired", "true"))).AcceptedAsync();
        var retired = await student.GetDocumentAsync("/mentors");

        Assert.NotNull(added.QuerySelector("#subspecialty option[value=molecular-imaging]"));
        Assert.Null(retired.QuerySelector("#subspecialty option[value=molecular-imaging]"));
    }

    /// <summary>An antiforgery token for the client's user (every signed-in page has one, in its sign-out form).</summary>
    private static async Task<string> TokenAsync(HttpClient client) =>
        (await client.GetDocumentAsync("/my/mentors")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)));
}
