using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

/// <summary>
/// Signed-in visitors of the shared pages get the page every signed-in visitor shares, from the output cache, with
/// their own navigation, interest and leader links filled in: never another visitor's, never a stale page.
/// </summary>
public sealed class SignedInPagesTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private const string Password = "signed in pages password";

    private async Task<(int Id, string Slug, ApplicationUser Leader)> ApprovedAsync(string schoolSlug, string name)
    {
        var leader = await factory.CreateUserAsync($"shared.leader.{schoolSlug}@example.org", Password, emailConfirmed: true, Roles.RigLeader);
        var slug = $"{schoolSlug}-shared";
        var id = await factory.WithDbAsync(async db =>
        {
            var rig = await TestRigs.MakeAsync(db, slug, name, schoolSlug, RigStatus.Approved, r =>
            {
                r.Description = "Talks every month for every year.";
                r.ContactEmail = "members-only@example.org";
                r.ContactVisibility = ContactVisibility.SignedInOnly;
                r.Officers.Add(new RigOfficer { UserId = leader.Id, Position = "President", GraduationYear = 2028 });
            });
            db.Rigs.Add(rig);
            await db.SaveChangesAsync();
            return rig.Id;
        });
        return (id, slug, leader);
    }

    private async Task<(HttpClient Client, string UserId)> StudentAsync(string name)
    {
        var user = await factory.CreateUserAsync($"{name}@example.org", Password, emailConfirmed: true, Roles.Student);
        return (factory.CreateClientAs(user.Id, Roles.Student), user.Id);
    }

    /// <summary>Changes the description behind the app's back: a page that still shows the old one came from the cache.</summary>
    private async Task SilentlyDescribeAsync(int id, string description) =>
        await factory.WithDbAsync(db => db.Rigs.Where(r => r.Id == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.Description, description)));

    [Fact]
    public async Task TwoStudents_Interleaved_EachSeeTheirOwnMenuAndInterest_OnTheSharedCachedProfile()
    {
        var (id, slug, _) = await ApprovedAsync("uva-som", "Cavalier Radiology Society");
        var (interested, interestedId) = await StudentAsync("shared.interested");
        var (other, otherId) = await StudentAsync("shared.other");
        await interested.SubmitFormAsync($"/rigs/{slug}", "#interest-form", new Dictionary<string, string>
        {
            ["Interest.School"] = "University of Virginia School of Medicine",
            ["Interest.GraduationYear"] = "2029",
        }).AcceptedAsync();

        // Their own first visit shows the status message ("thank you"), so it is rendered whole.
        await interested.GetDocumentAsync($"/rigs/{slug}");

        var first = await other.GetDocumentAsync($"/rigs/{slug}");
        await SilentlyDescribeAsync(id, "Changed behind the cache's back.");
        var second = await interested.GetDocumentAsync($"/rigs/{slug}");
        var third = await other.GetDocumentAsync($"/rigs/{slug}");

        // The shared part: the same cached page for both (the silent change shows on neither), with what signing in reveals.
        foreach (var page in new[] { first, second, third })
        {
            Assert.Contains("Talks every month for every year.", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains("members-only@example.org", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("a[href*='/Account/Login']"));
            // The boxes are rendered once per kind and filled per request: no placeholder is ever left.
            Assert.DoesNotContain("rd-fill", page.Body!.OuterHtml, StringComparison.Ordinal);
        }

        // The holes: each student's own name and interest.
        Assert.Contains(otherId, first.QuerySelector("#account-menu")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("#interest-form"));
        Assert.Equal("shared.other@example.org", first.QuerySelector("#Interest_Email")!.GetAttribute("value"));
        Assert.Contains(interestedId, second.QuerySelector("#account-menu")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("You told its leaders you are interested", second.QuerySelector("#interest")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(otherId, second.Body!.OuterHtml, StringComparison.Ordinal);
        Assert.Null(second.QuerySelector("#interest-form"));
        Assert.Contains(otherId, third.QuerySelector("#account-menu")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(interestedId, third.Body!.OuterHtml, StringComparison.Ordinal);
        Assert.NotNull(third.QuerySelector("#interest-form"));
        Assert.Equal("shared.other@example.org", third.QuerySelector("#Interest_Email")!.GetAttribute("value"));
        Assert.DoesNotContain("<!--hole", third.Body!.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSignedInPage_IsNotTheAnonymousOne_NorTheOtherWayRound()
    {
        var (_, slug, _) = await ApprovedAsync("uvm-larner-com", "Green Mountain RIG");
        var (student, _) = await StudentAsync("shared.audience");
        using var anonymous = factory.CreateNonRedirectingClient();

        var before = await anonymous.GetStringAsync($"/rigs/{slug}");
        var signedIn = await student.GetStringAsync($"/rigs/{slug}");
        var after = await anonymous.GetStringAsync($"/rigs/{slug}");

        Assert.DoesNotContain("members-only@example.org", before, StringComparison.Ordinal);
        Assert.Contains("members-only@example.org", signedIn, StringComparison.Ordinal);
        Assert.DoesNotContain("members-only@example.org", after, StringComparison.Ordinal);
        Assert.Contains("Sign in to say I", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALeadersEdit_ShowsOnTheNextSignedInAndAnonymousRequest()
    {
        var (id, slug, leader) = await ApprovedAsync("unm-som", "High Desert RIG");
        var (student, _) = await StudentAsync("shared.reader");
        using var anonymous = factory.CreateNonRedirectingClient();
        Assert.DoesNotContain("Come to the first talk", await student.GetStringAsync($"/rigs/{slug}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Come to the first talk", await anonymous.GetStringAsync($"/rigs/{slug}"), StringComparison.Ordinal);

        using var leaderClient = factory.CreateClientAs(leader.Id, Roles.RigLeader);
        await leaderClient.SubmitFormAsync($"/my/rigs/{id}/edit", "#edit-form", new Dictionary<string, string> { ["Input.HowToGetInvolved"] = "Come to the first talk of the term." }).AcceptedAsync();

        Assert.Contains("Come to the first talk of the term.", await student.GetStringAsync($"/rigs/{slug}"), StringComparison.Ordinal);
        Assert.Contains("Come to the first talk of the term.", await anonymous.GetStringAsync($"/rigs/{slug}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItsLeader_SeesTheirLeaderLinks_AndNoStudentSeesThem()
    {
        var (_, slug, leader) = await ApprovedAsync("usc-keck-som", "Trojan Radiology Society");
        var (student, _) = await StudentAsync("shared.not.leader");
        using var leaderClient = factory.CreateClientAs(leader.Id, Roles.RigLeader);

        var asStudent = await student.GetDocumentAsync($"/rigs/{slug}");
        var asLeader = await leaderClient.GetDocumentAsync($"/rigs/{slug}");
        var asStudentAgain = await student.GetDocumentAsync($"/rigs/{slug}");

        Assert.NotNull(asLeader.QuerySelector("#interested-count"));
        Assert.NotNull(asLeader.QuerySelector("a[href^='/awards/nominate']"));
        foreach (var page in new[] { asStudent, asStudentAgain })
        {
            Assert.Null(page.QuerySelector("#interested-count"));
            Assert.Null(page.QuerySelector("a[href^='/awards/nominate']"));
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/rigs")]
    [InlineData("/regions/us-region-1")]
    [InlineData("/events")]
    [InlineData("/mentors")]
    [InlineData("/schools/yale-som")]
    public async Task EverySharedPage_CarriesTheVisitorsOwnMenu_AndWorkingSignOut(string path)
    {
        var (first, firstId) = await StudentAsync($"shared.menu.{path.GetHashCode(StringComparison.Ordinal):x}.a");
        var (second, secondId) = await StudentAsync($"shared.menu.{path.GetHashCode(StringComparison.Ordinal):x}.b");

        var one = await first.GetDocumentAsync(path);
        var other = await second.GetDocumentAsync(path);

        Assert.Contains(firstId, one.QuerySelector("#account-menu")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(secondId, other.QuerySelector("#account-menu")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(firstId, other.Body!.OuterHtml, StringComparison.Ordinal);
        // The menu is rendered once per kind and filled per request: no placeholder is ever left.
        Assert.DoesNotContain("rd-fill", one.Body!.OuterHtml + other.Body!.OuterHtml, StringComparison.Ordinal);
        using var signOut = await second.SubmitFormAsync(other, "form[action^='/Identity/Account/Logout']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
    }

    [Fact]
    public async Task ARevokedSession_IsRefusedOnItsNextRequest_EvenOnASharedPage()
    {
        var user = await factory.CreateUserAsync("shared.revoked@example.org", Password, emailConfirmed: true, Roles.Student);
        using var client = factory.CreateNonRedirectingClient();
        await CookieSignIn.PasswordAsync(client, "shared.revoked@example.org", Password).AcceptedAsync();
        var before = await client.GetDocumentAsync("/rigs");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
            Assert.True((await users.ChangePasswordAsync((await users.FindByIdAsync(user.Id))!, Password, "another signed in pages password")).Succeeded);
        }

        var after = await client.GetDocumentAsync("/rigs");

        Assert.NotNull(before.QuerySelector("#account-menu"));
        Assert.Null(after.QuerySelector("#account-menu"));
        Assert.NotNull(after.QuerySelector("a[href^='/Identity/Account/Login']"));
    }

    [Fact]
    public async Task TheFinder_IsSharedPerRememberedSchool_AndAMentorsNewStudentShowsOnTheNextRequest()
    {
        var mentorUser = await factory.CreateUserAsync("shared.finder.mentor@example.org", Password, emailConfirmed: true, Roles.Mentor);
        var mentorId = await TestMentors.AddAsync(factory, mentorUser, capacity: 1, subspecialty: "breast-imaging");
        using var mentor = factory.CreateClientAs(mentorUser.Id, Roles.Mentor);
        var (asker, _) = await StudentAsync("shared.finder.asker");
        var (browser, browserId) = await StudentAsync("shared.finder.browser");
        await asker.SubmitFormAsync($"/mentors/{mentorId}", "#ask-form", new Dictionary<string, string>
        {
            ["Request.School"] = "tufts-som",
            ["Request.Message"] = "I am a second-year student and would love advice on starting radiology research.",
        }).AcceptedAsync();

        // Interleaved on one address: the asker's page measures from the school of their request, the other's from none.
        var askers = await asker.GetDocumentAsync("/mentors?subspecialty=breast-imaging");
        var browsers = await browser.GetDocumentAsync("/mentors?subspecialty=breast-imaging");
        var askersAgain = await asker.GetDocumentAsync("/mentors?subspecialty=breast-imaging");

        Assert.Equal("Tufts University School of Medicine", askers.QuerySelector("#near")!.GetAttribute("value"));
        Assert.Equal("Tufts University School of Medicine", askersAgain.QuerySelector("#near")!.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(browsers.QuerySelector("#near")!.GetAttribute("value")));
        Assert.Contains(browserId, browsers.QuerySelector("#account-menu")!.TextContent, StringComparison.Ordinal);
        Assert.Single(browsers.QuerySelectorAll("#mentors .mentor-card"));

        // The mentor takes the student: full now, gone from the "with room" page at the next request, and marked full without the filter.
        var requestId = await factory.WithDbAsync(db => db.Mentorships.Where(m => m.MentorId == mentorId).Select(m => m.Id).SingleAsync());
        await mentor.SubmitFormAsync("/mentoring", $"form[action='/mentorships/{requestId}/accept']", new Dictionary<string, string>()).AcceptedAsync();
        var withRoom = await browser.GetDocumentAsync("/mentors?subspecialty=breast-imaging");
        var everyone = await browser.GetDocumentAsync("/mentors?subspecialty=breast-imaging&room=false");

        Assert.Empty(withRoom.QuerySelectorAll("#mentors .mentor-card"));
        Assert.Contains("Full", everyone.QuerySelector("#mentors .mentor-card .mentor-room")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEventPage_SharedBetweenStudents_ShowsEachTheirOwnPlace_AndTheJoinLinkOnlyToTheRegistered()
    {
        var (rigId, _, _) = await ApprovedAsync("dartmouth-geisel-som", "Big Green Radiology");
        var startsAt = factory.Clock.GetUtcNow().UtcDateTime.AddDays(20);
        var id = await factory.WithDbAsync(async db =>
        {
            var e = TestEvents.Make("Reading chest films together", startsAt, EventFormat.Virtual, rigId: rigId);
            db.Events.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        await factory.AnnounceAsync(new Web.Kernel.EventChanged(id));
        var (registered, registeredId) = await StudentAsync("shared.event.registered");
        var (browsing, browsingId) = await StudentAsync("shared.event.browsing");
        await registered.SubmitFormAsync($"/events/{id}", "#register-form", new Dictionary<string, string>()).AcceptedAsync();

        var browsersFirst = await browsing.GetDocumentAsync($"/events/{id}");
        var registeredPage = await registered.GetDocumentAsync($"/events/{id}");
        var browsersAgain = await browsing.GetDocumentAsync($"/events/{id}");

        Assert.Contains("You are registered", registeredPage.QuerySelector("#my-status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://meet.example.org/secret-room", registeredPage.QuerySelector("#join-link")!.GetAttribute("href"));
        Assert.Contains(registeredId, registeredPage.QuerySelector("#account-menu")!.TextContent, StringComparison.Ordinal);
        foreach (var page in new[] { browsersFirst, browsersAgain })
        {
            Assert.NotNull(page.QuerySelector("#register-form"));
            Assert.Null(page.QuerySelector("#join-link"));
            Assert.DoesNotContain("secret-room", page.Body!.OuterHtml, StringComparison.Ordinal);
            Assert.Contains(browsingId, page.QuerySelector("#account-menu")!.TextContent, StringComparison.Ordinal);
        }

        // The form on the shared page carries the visitor's own token: registering from it works.
        await browsing.SubmitFormAsync(browsersAgain, "#register-form", new Dictionary<string, string>()).AcceptedAsync();
        Assert.NotNull((await browsing.GetDocumentAsync($"/events/{id}")).QuerySelector("#join-link"));
    }

    [Fact]
    public async Task AStudentMadeAnOfficer_SeesTheLeadersBox_OnTheNextRequest_NotTheirRememberedStudentBox()
    {
        var (id, slug, _) = await ApprovedAsync("rutgers-njms", "Scarlet Radiology");
        var (student, studentId) = await StudentAsync("shared.new.officer");
        var before = await student.GetDocumentAsync($"/rigs/{slug}");

        // Made an officer: the change is announced as the app's officer flows announce it.
        await factory.WithDbAsync(async db =>
        {
            db.RigOfficers.Add(new RigOfficer { RigId = id, UserId = studentId, Position = "Vice president", GraduationYear = 2029 });
            await db.SaveChangesAsync();
        });
        await factory.AnnounceAsync(new Web.Kernel.RigChanged(id, Web.Kernel.RigChange.Profile));
        var after = await student.GetDocumentAsync($"/rigs/{slug}");

        Assert.NotNull(before.QuerySelector("#interest-form"));
        Assert.Null(after.QuerySelector("#interest-form"));
        Assert.NotNull(after.QuerySelector("#interested-count"));
    }
}
