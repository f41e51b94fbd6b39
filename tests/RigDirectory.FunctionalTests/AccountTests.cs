using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure.Email;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests;

public sealed class AccountTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private const string Password = "correct horse battery";

    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string url = "/Identity/Account/Login") =>
        await client.SubmitFormAsync(url, "form#account", Credentials(email, password));

    [Fact]
    public async Task Register_ThenConfirmEmail_ThenSignIn_LandsOnHomeAsStudent()
    {
        using var client = factory.CreateNonRedirectingClient();
        const string email = "new.student@example.org";

        using var registered = await client.SubmitFormAsync("/Identity/Account/Register", "form#registerForm", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nia Student",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.StartsWith("/Identity/Account/RegisterConfirmation", registered.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var beforeConfirming = await SignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.OK, beforeConfirming.StatusCode);
        Assert.Contains("Confirm your email address before signing in", await beforeConfirming.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var message = (await factory.SentEmailsAsync()).LastTo(email);
        var link = PickupDirectoryEmailTransport.FirstLink(message.HtmlBody ?? "")!;
        var confirmation = await client.GetDocumentAsync(link);
        Assert.Contains("Your email is confirmed", confirmation.Body!.TextContent, StringComparison.Ordinal);

        using var signedIn = await SignInAsync(client, email, Password);
        Assert.Equal("/landing", signedIn.Headers.Location!.OriginalString);
        using var landing = await client.GetAsync("/landing");
        Assert.Equal("/", landing.Headers.Location!.OriginalString);

        var user = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email)));
        Assert.Equal("Nia Student", user.DisplayName);
    }

    [Fact]
    public async Task CreatingAnAccountFromTheStartPage_ResumesAtTheChosenSchool_AfterConfirmationAndSignIn()
    {
        using var client = factory.CreateNonRedirectingClient();
        const string email = "resuming.student@example.org";
        var start = await client.GetDocumentAsync("/start?school=yale-som");
        var createAccount = start.QuerySelectorAll("main a").Single(a => a.TextContent == "Create an account").GetAttribute("href")!;
        Assert.Contains("returnUrl=%2Fregister%3Fschool%3Dyale-som", createAccount, StringComparison.Ordinal);

        await client.SubmitFormExpectingRedirectAsync(createAccount, "form#registerForm", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Rae Resuming",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        var link = PickupDirectoryEmailTransport.FirstLink((await factory.SentEmailsAsync()).LastTo(email).HtmlBody ?? "")!;
        var confirmed = await client.GetDocumentAsync(link);
        var carryOn = confirmed.QuerySelector("#continue")!.GetAttribute("href")!;
        using var signedIn = await SignInAsync(client, email, Password, carryOn);

        Assert.Equal("/register?school=yale-som", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ConfirmationLink_Tampered_SaysItDidNotWork_AndNeverConfirms()
    {
        using var client = factory.CreateNonRedirectingClient();
        var user = await factory.CreateUserAsync("tampered.link@example.org", Password, emailConfirmed: false);

        var page = await client.GetDocumentAsync($"/Identity/Account/ConfirmEmail?userId={user.Id}&code=bm90LWEtdG9rZW4&returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Contains("This link did not work", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", page.Body.InnerHtml, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task Register_WithShortPassword_KeepsWhatWasTypedAndExplains()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.SubmitFormAsync("/Identity/Account/Register", "form#registerForm", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Short Password",
            ["Input.Email"] = "short.password@example.org",
            ["Input.Password"] = "elevenchars",
            ["Input.ConfirmPassword"] = "elevenchars",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Use at least 12 characters.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("short.password@example.org", page.QuerySelector("#Input_Email")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Register_LowercaseWordsOnly_IsAccepted_NoCompositionRules()
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.SubmitFormAsync("/Identity/Account/Register", "form#registerForm", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Plain Letters",
            ["Input.Email"] = "plain.letters@example.org",
            ["Input.Password"] = "orchid tramway meadow",
            ["Input.ConfirmPassword"] = "orchid tramway meadow",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("abcdefghijkl")]
    [InlineData("password1234")]
    [InlineData("guessable.student2026")]
    public async Task Register_GuessablePassword_IsRefused_SayingWhyAndWhatToDo(string password)
    {
        using var client = factory.CreateNonRedirectingClient();

        using var response = await client.SubmitFormAsync("/Identity/Account/Register", "form#registerForm", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Guessable Student",
            ["Input.Email"] = "guessable.student@example.org",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("too easy to guess", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Try a longer phrase", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == "guessable.student@example.org"))));
    }

    [Fact]
    public async Task ManageAccount_SignedIn_RendersInTheSiteLayout()
    {
        var user = await factory.CreateUserAsync("manage.me@example.org", Password, emailConfirmed: true, Roles.Student);
        using var client = factory.CreateClientAs(user.Id, Roles.Student);

        var page = await client.GetDocumentAsync("/Identity/Account/Manage");

        // The site's own frame: "Account settings" with its menu, not the default UI's "Manage your account".
        Assert.Equal("Account settings", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.DoesNotContain("Manage your account", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Profile", "Email", "Password", "Sign-in codes (two-factor)", "Your data"], page.QuerySelectorAll("nav[aria-label='Account settings'] a").Select(a => a.TextContent.Trim()));
        Assert.Equal("page", page.QuerySelector("nav[aria-label='Account settings'] a.active")!.GetAttribute("aria-current"));
        Assert.NotNull(page.QuerySelector("nav a.navbar-brand[href='/']"));
        Assert.NotNull(page.QuerySelector("footer a[href='/about']"));
    }

    [Fact]
    public async Task SignIn_SetsHostPrefixedSecureHttpOnlyCookie()
    {
        await factory.CreateUserAsync("cookie@example.org", Password);
        using var client = factory.CreateNonRedirectingClient();

        using var response = await SignInAsync(client, "cookie@example.org", Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-rigdirectory.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        await factory.CreateUserAsync("lockme@example.org", Password);
        using var client = factory.CreateNonRedirectingClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await SignInAsync(client, "lockme@example.org", "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("do not match an account", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var fifth = await SignInAsync(client, "lockme@example.org", "not the password at all");
        Assert.Equal("/Identity/Account/Lockout", fifth.Headers.Location!.OriginalString);

        using var right = await SignInAsync(client, "lockme@example.org", Password);
        Assert.Equal("/Identity/Account/Lockout", right.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(Roles.RigLeader, "/my/rigs")]
    [InlineData(Roles.Student, "/")]
    public async Task SignIn_WithoutReturnUrl_LandsWhereTheRoleWorks(string role, string expected)
    {
        var email = $"landing-{role.ToLowerInvariant()}@example.org";
        await factory.CreateUserAsync(email, Password, emailConfirmed: true, role);
        using var client = factory.CreateNonRedirectingClient();

        using var signedIn = await SignInAsync(client, email, Password);
        using var landing = await client.GetAsync(signedIn.Headers.Location);

        Assert.Equal(expected, landing.Headers.Location!.OriginalString);
        using var destination = await client.GetAsync(expected);
        Assert.Equal(HttpStatusCode.OK, destination.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithReturnUrl_GoesBackThere_ButNeverOffSite()
    {
        await factory.CreateUserAsync("return@example.org", Password, emailConfirmed: true, Roles.AcrAdmin);
        using var client = factory.CreateNonRedirectingClient();

        using var local = await SignInAsync(client, "return@example.org", Password, "/Identity/Account/Login?ReturnUrl=%2Fabout");
        using var offSite = await SignInAsync(client, "return@example.org", Password, "/Identity/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/about", local.Headers.Location!.OriginalString);
        Assert.Equal("/landing", offSite.Headers.Location!.OriginalString);
    }
}
