using System.Net;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
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
    public async Task AccountPosts_BeyondTheLimit_Get429WithRetryAfterAndAFriendlyPage()
    {
        using var client = factory.CreateNonRedirectingClient();
        var form = await client.GetDocumentAsync("/Identity/Account/ForgotPassword");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 11; i++)
        {
            last?.Dispose();
            last = await client.SubmitFormAsync(form, "form#forgot-password", new Dictionary<string, string> { ["Input.Email"] = $"victim{i}@example.org" });
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(10), status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        Assert.Contains("<h1>Too many requests</h1>", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var page = await client.GetAsync("/Identity/Account/ForgotPassword");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        last.Dispose();
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
        var sent = new List<string>();
        foreach (var school in new[] { "einstein-com", "columbia-vagelos-ps" })
        {
            var (client, id) = await DraftAsync(school);
            for (var i = 0; i < 2; i++)
            {
                var form = await client.GetDocumentAsync($"/register/{id}/officers");
                await InviteAsync(client, form, victim).AcceptedAsync();
                var page = await client.GetDocumentAsync($"/register/{id}/officers");
                sent.Add(page.QuerySelector("[role=status], .alert")?.TextContent ?? "");
            }

            client.Dispose();
        }

        Assert.Equal(3, (await factory.SentEmailsAsync()).Messages.Count(m => m.To.Mailboxes.Any(a => a.Address == victim)));
        Assert.Contains("has already received 3 emails from RigDirectory today", sent[3], StringComparison.Ordinal);
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
