using System.Net;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests.Attacks;

/// <summary>
/// Threat: learning which addresses have accounts (to phish them, or to aim password guessing). Control: every
/// account page gives one answer whether or not the address is known; only its owner learns more, by email.
/// </summary>
public sealed class AccountEnumerationTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private const string Password = "enumeration test password";

    private static string MainText(AngleSharp.Dom.IDocument page) => page.QuerySelector("main")!.TextContent;

    [Fact]
    public async Task RegisterConfirmation_SameAnswerForKnownAndUnknownAddresses()
    {
        await factory.CreateUserAsync("known.address@example.org", Password);
        using var client = factory.CreateNonRedirectingClient();

        var known = await client.GetDocumentAsync("/Identity/Account/RegisterConfirmation?email=known.address%40example.org");
        var unknown = await client.GetDocumentAsync("/Identity/Account/RegisterConfirmation?email=nobody.here%40example.org");

        Assert.Equal(MainText(known), MainText(unknown));
    }

    [Fact]
    public async Task Registering_AnAddressWithAnAccount_LooksLikeANewRegistration_AndEmailsTheOwner()
    {
        await factory.CreateUserAsync("taken.address@example.org", Password);
        using var client = factory.CreateNonRedirectingClient();
        var fields = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Somebody Else",
            ["Input.Password"] = "another enumeration password",
            ["Input.ConfirmPassword"] = "another enumeration password",
        };

        using var taken = await client.SubmitFormAsync("/Identity/Account/Register", "form#registerForm", new Dictionary<string, string>(fields) { ["Input.Email"] = "taken.address@example.org" });
        using var fresh = await client.SubmitFormAsync("/Identity/Account/Register", "form#registerForm", new Dictionary<string, string>(fields) { ["Input.Email"] = "fresh.address@example.org" });

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(fresh.Headers.Location, taken.Headers.Location);
        Assert.Equal("You already have a RigDirectory account", (await factory.SentEmailsAsync()).LastTo("taken.address@example.org").Subject);
        Assert.Equal("Confirm your RigDirectory account", (await factory.SentEmailsAsync()).LastTo("fresh.address@example.org").Subject);
    }

    [Fact]
    public async Task WrongPassword_OnAnUnconfirmedAccount_GetsTheUsualAnswer_OnlyTheRightOneHearsWhy()
    {
        await factory.CreateUserAsync("unconfirmed.enum@example.org", Password, emailConfirmed: false);
        using var client = factory.CreateNonRedirectingClient();

        using var wrong = await CookieSignIn.PasswordAsync(client, "unconfirmed.enum@example.org", "not the password at all");
        using var right = await CookieSignIn.PasswordAsync(client, "unconfirmed.enum@example.org", Password);

        Assert.Contains("do not match an account", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Confirm your email address before signing in", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddressWithNoAccount_IsLockedOutAfterFiveFailures_LikeARealOne()
    {
        await factory.CreateUserAsync("real.lockout@example.org", Password);
        using var client = factory.CreateNonRedirectingClient();
        var answers = new Dictionary<string, List<string>>();
        foreach (var email in new[] { "real.lockout@example.org", "ghost.lockout@example.org" })
        {
            answers[email] = [];
            for (var attempt = 0; attempt < 5; attempt++)
            {
                using var response = await CookieSignIn.PasswordAsync(client, email, "not the password at all");
                answers[email].Add(response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.OriginalString : "page");
            }
        }

        Assert.Equal(answers["real.lockout@example.org"], answers["ghost.lockout@example.org"]);
        Assert.Equal("/Identity/Account/Lockout", answers["ghost.lockout@example.org"][4]);
    }
}

/// <summary>Control (ASVS L2): security events are recorded and admins can read them; nobody can edit them through the app.</summary>
public sealed class SecurityLogTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    [Fact]
    public async Task FailedSignIn_IsInTheSecurityLog_ForAdminsOnly()
    {
        await factory.CreateUserAsync("logged.failure@example.org", "security log password");
        using var anonymous = factory.CreateNonRedirectingClient();
        using (var failed = await CookieSignIn.PasswordAsync(anonymous, "logged.failure@example.org", "a wrong password here"))
        {
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("do not match an account", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var admin = factory.CreateClientAs("security-log-admin", Roles.AcrAdmin);
        using var student = factory.CreateClientAs("security-log-student", Roles.Student);

        var log = await admin.GetDocumentAsync("/admin/security-events?email=logged.failure%40example.org");
        using var forbidden = await student.GetAsync("/admin/security-events");
        var before = await factory.WithDbAsync(db => Task.FromResult(db.SecurityEvents.Count()));
        using var post = await admin.PostAsync("/admin/security-events", new FormUrlEncodedContent([]));
        using var delete = await admin.DeleteAsync("/admin/security-events");

        var row = log.QuerySelector("#security-events tbody tr")!.TextContent;
        Assert.Contains("SignInFailed", row, StringComparison.Ordinal);
        Assert.Contains("wrong password", row, StringComparison.Ordinal);
        Assert.Contains("/Identity/Account/AccessDenied", forbidden.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // No way in the app to write to the log: no endpoint takes a post or a delete there, and nothing changed.
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => Task.FromResult(db.SecurityEvents.Count())));
    }
}
