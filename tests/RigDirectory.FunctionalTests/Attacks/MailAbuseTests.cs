using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests.Attacks;

/// <summary>
/// Threat: the app as a spam cannon or a password-guessing target: a new account posts dozens of invitations with
/// its own text to arbitrary addresses, or a script hammers sign-in, reset and the type-ahead. Controls: the
/// built-in rate limiter (429 with Retry-After and a friendly page) and daily caps per RIG and per recipient.
/// </summary>
public sealed class MailAbuseTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    private const string Password = "mail abuse test password";

    private async Task<(HttpClient Client, int RigId)> DraftAsync(string school)
    {
        var user = await factory.CreateUserAsync($"spammer.{Guid.NewGuid():N}@example.org", Password, emailConfirmed: true, Roles.Student);
        var client = factory.CreateClientAs(user.Id, Roles.Student);
        return (client, await client.StartDraftAsync(school));
    }

    private static Task<HttpResponseMessage> InviteAsync(HttpClient client, AngleSharp.Dom.IDocument form, string email) =>
        client.SubmitFormAsync(form, "#invite-form", new Dictionary<string, string> { ["Invite.Email"] = email, ["Invite.Position"] = "Buy cheap pills at evil.example" });

    [Fact]
    public async Task AccountPosts_FromOneAddress_StopAtItsCeilingOfSixty_With429RetryAfterAndAFriendlyPage()
    {
        using var client = factory.CreateClientFromOwnAddress();
        var form = await client.GetDocumentAsync("/Identity/Account/ForgotPassword");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 61; i++)
        {
            last?.Dispose();
            last = await client.SubmitFormAsync(form, "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = $"victim{i}@example.org" });
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(60), status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        Assert.Contains("<h1>Too many requests</h1>", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var page = await client.GetAsync("/Identity/Account/ForgotPassword");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        last.Dispose();
    }

    [Fact]
    public async Task ThirtyPeople_SigningInFromOneCampusAddress_AllGetIn()
    {
        var campus = RigDirectoryFactory.NewAddress();
        var people = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            people.Add((await factory.CreateUserAsync($"campus.{i}.{Guid.NewGuid():N}@example.org", Password, emailConfirmed: true, Roles.Student)).Email!);
        }

        var answers = new List<HttpStatusCode>();
        foreach (var email in people)
        {
            using var browser = factory.CreateClientFrom(campus);
            using var signedIn = await CookieSignIn.PasswordAsync(browser, email, Password);
            answers.Add(signedIn.StatusCode);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a));
    }

    [Fact]
    public async Task OneAccount_GuessedFromElevenAddresses_IsRefused_SayingWhyAndWhen()
    {
        var target = await factory.CreateUserAsync($"target.{Guid.NewGuid():N}@example.org", Password, emailConfirmed: true, Roles.Student);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 11; i++)
        {
            using var attacker = factory.CreateClientFromOwnAddress();
            answers.Add(await CookieSignIn.PasswordAsync(attacker, target.Email!, $"guess number {i} of many"));
        }

        var eleventh = answers[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.True(eleventh.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        Assert.Contains("This account has been tried 10 times in the last 5 minutes", System.Net.WebUtility.HtmlDecode(await eleventh.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        // None of the guesses got in: the lockout came after five, the limit after ten.
        Assert.DoesNotContain(answers, a => a.StatusCode == HttpStatusCode.Redirect && a.Headers.Location?.OriginalString == "/");
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Invitations_AUserSendingMoreThanTenAnHour_IsRefused()
    {
        var (client, id) = await DraftAsync("nymc");
        var form = await client.GetDocumentAsync($"/register/{id}/officers");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await InviteAsync(client, form, $"stranger{i}@example.org");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(10), status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        Assert.Equal(10, (await factory.SentEmailsAsync()).Messages.Count(m => m.To.Mailboxes.Any(a => a.Address.StartsWith("stranger", StringComparison.Ordinal))));
        client.Dispose();
    }

    [Fact]
    public async Task OneRecipient_GetsAtMostThreeEmailsADay_FromAllRigsTogether()
    {
        const string victim = "inbox.victim@example.org";
        var (statuses, retryAfter, refusals) = (new List<HttpStatusCode>(), new List<TimeSpan?>(), new List<string>());
        foreach (var school in new[] { "einstein-com", "columbia-vagelos-ps" })
        {
            var (client, id) = await DraftAsync(school);
            for (var i = 0; i < 2; i++)
            {
                var form = await client.GetDocumentAsync($"/register/{id}/officers");
                using var response = await InviteAsync(client, form, victim);
                statuses.Add(response.StatusCode);
                retryAfter.Add(response.Headers.RetryAfter?.Delta);
                refusals.Add((await HtmlForms.ParseAsync(response)).QuerySelector("[role=alert]")?.TextContent ?? "");
            }

            client.Dispose();
        }

        Assert.Equal(3, (await factory.SentEmailsAsync()).Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == victim)));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.True(retryAfter[3] > TimeSpan.FromHours(20), $"Retry-After {retryAfter[3]}");
        Assert.Contains("has already received 3 invitations and sponsor confirmations from RigDirectory today", refusals[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeEmail_AsAMailRelay_IsLimitedPerSenderAndPerRecipient_AndTheSendersNameNeverLeads()
    {
        var spammer = await factory.CreateUserAsync($"relay.{Guid.NewGuid():N}@example.org", Password, emailConfirmed: true, Roles.Student);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == spammer.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "Claim your prize at http://evil.example")));
        using var client = factory.CreateClientFromOwnAddress(spammer.Id, Roles.Student);
        var form = await client.GetDocumentAsync("/Identity/Account/Manage/Email");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 11; i++)
        {
            last?.Dispose();
            last = await client.SubmitFormAsync(form, "#email-form", new Dictionary<string, string> { ["Input.NewEmail"] = $"relay.target{i}@example.org" });
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(10), status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        last.Dispose();
        var relayed = (await factory.SentEmailsAsync()).LastTo("relay.target0@example.org");
        Assert.DoesNotContain("Claim your prize", relayed.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Claim your prize", relayed.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeEmail_ToOneAddress_FromManyAccounts_StopsAtItsDailyCap_WithAReason()
    {
        const string victim = "change.email.victim@example.org";
        var statuses = new List<HttpStatusCode>();
        var texts = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var user = await factory.CreateUserAsync($"changer{i}.{Guid.NewGuid():N}@example.org", Password, emailConfirmed: true, Roles.Student);
            using var client = factory.CreateClientFromOwnAddress(user.Id, Roles.Student);
            using var response = await client.SubmitFormAsync("/Identity/Account/Manage/Email", "#email-form", new Dictionary<string, string> { ["Input.NewEmail"] = victim });
            statuses.Add(response.StatusCode);
            texts.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.All(statuses.Take(3), status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.Contains($"{victim} has already received 3 new email address confirmations from RigDirectory today", texts[3], StringComparison.Ordinal);
        Assert.Equal(3, (await factory.SentEmailsAsync()).Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == victim)));
    }

    [Fact]
    public async Task ResendingTheConfirmation_WhileSignedIn_StopsAtTheAddressesDailyCap()
    {
        var user = await factory.CreateUserAsync($"unconfirmed.{Guid.NewGuid():N}@example.org", Password, emailConfirmed: false, Roles.Student);
        using var client = factory.CreateClientFromOwnAddress(user.Id, Roles.Student);
        var form = await client.GetDocumentAsync("/Identity/Account/Manage/Email");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.SubmitFormAsync(form, "#send-verification", new Dictionary<string, string>());
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(5), status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
        Assert.Equal(5, (await factory.SentEmailsAsync()).Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == user.Email)));
    }

    [Fact]
    public async Task PasswordResets_ForOneAccount_StopAtItsDailyCap_WhileThePageAnswersAsForAnyAddress()
    {
        var user = await factory.CreateUserAsync($"reset.target.{Guid.NewGuid():N}@example.org", Password, emailConfirmed: true, Roles.Student);
        using var client = factory.CreateClientFromOwnAddress();
        var form = await client.GetDocumentAsync("/Identity/Account/ForgotPassword");

        var locations = new List<string?>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await client.SubmitFormAsync(form, "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email! });
            locations.Add(response.Headers.Location?.OriginalString);
        }

        using var unknown = await client.SubmitFormAsync(form, "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody.here@example.org" });
        Assert.All(locations, location => Assert.Equal(unknown.Headers.Location?.OriginalString, location));
        Assert.Equal(5, (await factory.SentEmailsAsync()).Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == user.Email)));
    }

    [Fact]
    public async Task AMentor_AskedCancelledAndAskedAgain_GetsTwoEmailsADayFromOneStudent_NotSix()
    {
        var mentorUser = await factory.CreateUserAsync($"asked.mentor.{Guid.NewGuid():N}@example.org", Password, emailConfirmed: true, Roles.Mentor);
        var mentorId = await TestMentors.AddAsync(factory, mentorUser, capacity: 5);
        var student = await factory.CreateUserAsync($"asking.student.{Guid.NewGuid():N}@example.org", Password, emailConfirmed: true, Roles.Student);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == student.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "Buy followers at spam.example")));
        using var client = factory.CreateClientAs(student.Id, Roles.Student);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var asked = await client.SubmitFormAsync($"/mentors/{mentorId}", "#ask-form", new Dictionary<string, string>
            {
                ["Request.School"] = "yale-som",
                ["Request.Message"] = "I am a second-year student and would love advice on starting radiology research.",
            });
            statuses.Add(asked.StatusCode);
            var request = await factory.WithDbAsync(db => db.Mentorships.Where(m => m.MentorId == mentorId && m.StudentUserId == student.Id && m.Status == MentorshipStatus.Requested).Select(m => (int?)m.Id).FirstOrDefaultAsync());
            if (request is { } open)
            {
                await client.SubmitFormAsync("/my/mentors", $"form[action='/mentorships/{open}/cancel']", new Dictionary<string, string>()).AcceptedAsync();
            }
        }

        var emails = (await factory.SentEmailsAsync()).Messages.Where(m => m.To.Mailboxes.Any(a => a.Address == mentorUser.Email)).ToList();
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, emails.Count);
        Assert.All(emails, e => Assert.DoesNotContain("Buy followers", e.Subject, StringComparison.Ordinal));
        Assert.All(emails, e => Assert.StartsWith("<p>A student at", e.HtmlBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Claims_OneAccountClaimingRigAfterRig_EmailsTwoSponsorsADay_NotFour()
    {
        var student = await factory.CreateUserAsync($"serial.claimer.{Guid.NewGuid():N}@example.org", Password, emailConfirmed: true, Roles.Student);
        using var client = factory.CreateClientAs(student.Id, Roles.Student);
        var statuses = new List<HttpStatusCode>();
        foreach (var school in new[] { "tufts-som", "bu-chobanian-avedisian-som", "umass-chan-som", "harvard-medical-school" })
        {
            var (id, slug, leader, _) = await TestHosts.ApprovedRigAsync(factory, school);
            leader.Dispose();
            await factory.WithDbAsync(db => db.RigOfficers.Where(o => o.RigId == id).ExecuteUpdateAsync(o => o.SetProperty(x => x.EndedAt, new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc))));
            await factory.EvictDirectoryAsync();
            using var response = await client.SubmitFormAsync($"/rigs/{slug}/claim", "#claim-form", new Dictionary<string, string>
            {
                ["Input.Position"] = "President",
                ["Input.GraduationYear"] = (factory.Clock.GetUtcNow().Year + 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Message"] = "Win a free cruise at cruise.example",
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, (await factory.SentEmailsAsync()).Messages.Count(m => m.Subject?.StartsWith("Please confirm a new leader", StringComparison.Ordinal) == true && m.HtmlBody?.Contains("cruise.example", StringComparison.Ordinal) == true));
        Assert.Equal(2, await factory.WithDbAsync(db => db.RigClaims.CountAsync(c => c.UserId == student.Id)));
    }

    [Fact]
    public async Task AHostMovingAnEventAgainAndAgain_TellsEachRegistrantThreeTimesADay_AndEveryChangeIsSaved()
    {
        var school = await factory.WithDbAsync(TestRigs.FreeSchoolAsync);
        var (rigId, _, leader, _) = await TestHosts.ApprovedRigAsync(factory, school, "Restless Host RIG");
        var (student, studentUser) = await TestHosts.StudentAsync(factory, $"moved.about.{Guid.NewGuid():N}");
        var starts = factory.Clock.GetUtcNow().UtcDateTime.AddDays(20).Date.AddHours(18);
        string At(int hours) => starts.AddHours(hours).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await leader.SubmitFormAsync($"/my/rigs/{rigId}/events/new", "#event-form", EventsTests.Workshop(("Input.Title", "The moving workshop"), ("Input.Starts", At(0)), ("Input.Ends", At(1)))).AcceptedAsync();
        var eventId = await factory.WithDbAsync(db => db.Events.Where(e => e.Title == "The moving workshop").Select(e => e.Id).SingleAsync());
        await student.SubmitFormAsync($"/events/{eventId}", "#register-form", new Dictionary<string, string>()).AcceptedAsync();
        var first = await factory.WithDbAsync(db => db.Events.Where(e => e.Id == eventId).Select(e => e.StartsAt).SingleAsync());

        for (var i = 1; i <= 5; i++)
        {
            await leader.SubmitFormAsync($"/my/rigs/{rigId}/events/{eventId}/edit", "#event-form", EventsTests.Workshop(("Input.Title", "The moving workshop"), ("Input.Starts", At(i)), ("Input.Ends", At(i + 1)))).AcceptedAsync();
        }

        var notices = (await factory.SentEmailsAsync()).Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == studentUser.Email) && m.Subject?.StartsWith("Changed:", StringComparison.Ordinal) == true);
        Assert.Equal(3, notices);
        Assert.Equal(first.AddHours(5), await factory.WithDbAsync(db => db.Events.Where(e => e.Id == eventId).Select(e => e.StartsAt).SingleAsync()));
    }

    [Fact]
    public async Task TypeAhead_MoreThanSixtyAMinute_IsRefused()
    {
        var (client, _) = await DraftAsync("cuny-som");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 61; i++)
        {
            using var response = await client.GetAsync($"/register/schools?q=new{i}");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(60), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[60]);
        client.Dispose();
    }
}
