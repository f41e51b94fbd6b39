using System.Net;
using Microsoft.EntityFrameworkCore;
using RigDirectory.FunctionalTests.Infrastructure;
using RigDirectory.Testing;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.FunctionalTests.Attacks;

/// <summary>
/// Threat: a phished or reused admin password opens the review desk, the exports and everyone's contact data.
/// Control (ASVS L2): admin pages need a session signed in with an authenticator app; an admin without one is sent
/// to set it up before any admin page, and the recovery codes are shown once.
/// </summary>
public sealed class AdminTwoFactorTests(RigDirectoryFactory factory) : IClassFixture<RigDirectoryFactory>
{
    private const string Password = "two factor admin password";

    [Fact]
    public async Task AdminWithoutAuthenticator_IsSentToSetItUp_ThenSignsInWithACode_AndReachesTheConsole()
    {
        const string email = "new.curator@acr.example.org";
        await factory.CreateUserAsync(email, Password, emailConfirmed: true, Roles.AcrAdmin);
        using var client = factory.CreateNonRedirectingClient();

        using var signedIn = await CookieSignIn.PasswordAsync(client, email, Password);
        using var landing = await client.GetAsync(signedIn.Headers.Location);
        using var console = await client.GetAsync(landing.Headers.Location);
        Assert.Equal("/admin", landing.Headers.Location!.OriginalString);
        Assert.Equal(AdminTwoFactorResultHandler.SetUpPath, console.Headers.Location!.OriginalString);

        var setUp = await client.GetDocumentAsync(AdminTwoFactorResultHandler.SetUpPath);
        var otpauth = new Uri(setUp.QuerySelector("#qr-code")!.GetAttribute("data-otpauth")!);
        var key = System.Web.HttpUtility.ParseQueryString(otpauth.Query)["secret"]!;
        // The site's own page: the app lists the account as RigDirectory, the QR code is drawn here, the key is typed in fours.
        Assert.Equal("RigDirectory", System.Web.HttpUtility.ParseQueryString(otpauth.Query)["issuer"]);
        Assert.StartsWith("otpauth://totp/RigDirectory:new.curator@acr.example.org?", otpauth.OriginalString, StringComparison.Ordinal);
        Assert.Equal(otpauth.OriginalString, setUp.QuerySelector("a#otpauth")!.GetAttribute("href"));
        Assert.NotNull(setUp.QuerySelector("#qr-code svg"));
        Assert.Equal(key.ToLowerInvariant(), setUp.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal));
        Assert.Empty(setUp.QuerySelectorAll("a[href*='microsoft.com']"));
        Assert.DoesNotContain("Microsoft.AspNetCore", setUp.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Manage your account", setUp.Body.TextContent, StringComparison.Ordinal);
        using var verified = await client.SubmitFormAsync(setUp, "form#send-code", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, factory.Clock.GetUtcNow()) });
        var codes = await client.GetDocumentAsync(verified.Headers.Location!.OriginalString);
        Assert.Contains("ShowRecoveryCodes", verified.Headers.Location.OriginalString, StringComparison.Ordinal);
        Assert.Equal(10, codes.QuerySelectorAll(".recovery-code, code.recovery-code").Length);
        Assert.StartsWith("data:text/plain", codes.QuerySelector("a#download-codes[download]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("/admin", codes.QuerySelectorAll("main a").Single(a => a.TextContent.Contains("continue to the console", StringComparison.Ordinal)).GetAttribute("href"));
        using var codesAgain = await client.GetAsync(verified.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, codesAgain.StatusCode);

        // The code that turned the app on is the session's second factor: the console opens without another sign-in.
        using var console2 = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, console2.StatusCode);

        // A new sign-in asks for a code; the set-up used this step's, so it takes the next one, as a person would wait for it.
        using var elsewhere = factory.CreateNonRedirectingClient();
        using var withCode = await CookieSignIn.WithAuthenticatorAsync(elsewhere, email, Password, key, factory.Clock.GetUtcNow().AddSeconds(30), "/Identity/Account/Login?ReturnUrl=%2Fadmin");
        Assert.Equal("/admin", withCode.Headers.Location!.OriginalString);
        using var admin = await elsewhere.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);

        var kinds = await factory.WithDbAsync(db => db.SecurityEvents.Where(e => e.Email == email).Select(e => e.Kind).ToListAsync());
        Assert.Contains(SecurityEventKind.TwoFactorEnabled, kinds);
        Assert.Contains(SecurityEventKind.RecoveryCodesGenerated, kinds);
        Assert.Contains(SecurityEventKind.SignInSucceeded, kinds);
    }

    [Fact]
    public async Task TheCodePage_SpeaksTheSitesWords_AndTrustingThisBrowserSparesTheCodeFor30Days()
    {
        const string email = "trusted.browser.admin@acr.example.org";
        var (_, key) = await factory.CreateAdminWithAuthenticatorAsync(email, Password);
        using var client = factory.CreateNonRedirectingClient();
        using var first = await CookieSignIn.PasswordAsync(client, email, Password, "/Identity/Account/Login?ReturnUrl=%2Fadmin");
        var codePage = await client.GetDocumentAsync(first.Headers.Location!.OriginalString);
        var form = codePage.QuerySelector("main form[method=post]")!;
        Assert.Equal("Sign in", form.QuerySelector("button[type=submit]")!.TextContent.Trim());
        Assert.Equal("Trust this browser for 30 days", codePage.QuerySelector("label[for=Input_RememberMachine]")!.TextContent.Trim());
        Assert.DoesNotContain("Log in", codePage.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Remember this machine", codePage.Body.TextContent, StringComparison.Ordinal);

        using var withCode = await client.SubmitFormAsync(codePage, "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.TwoFactorCode"] = Totp.Code(key, factory.Clock.GetUtcNow()),
            ["Input.RememberMachine"] = "true",
        });
        Assert.Equal("/admin", withCode.Headers.Location!.OriginalString);
        var trusted = withCode.Headers.GetValues("Set-Cookie").Single(c => c.Contains("rigdirectory.2fa-remember=", StringComparison.Ordinal));
        var expires = DateTimeOffset.Parse(trusted.Split(';').Single(p => p.Trim().StartsWith("expires=", StringComparison.OrdinalIgnoreCase)).Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - factory.Clock.GetUtcNow(), TimeSpan.FromDays(29.9), TimeSpan.FromDays(30.1));

        // Signed out, then in again in the trusted browser: the password alone opens the console.
        using var signOut = await client.SubmitFormAsync("/my/rigs", "form[action^='/Identity/Account/Logout']", new Dictionary<string, string>());
        using var again = await CookieSignIn.PasswordAsync(client, email, Password, "/Identity/Account/Login?ReturnUrl=%2Fadmin");
        Assert.Equal("/admin", again.Headers.Location!.OriginalString);
        using var console = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);

        // Another browser is still asked for the code.
        using var other = factory.CreateNonRedirectingClient();
        using var otherFirst = await CookieSignIn.PasswordAsync(other, email, Password);
        Assert.Contains("LoginWith2fa", otherFirst.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminWithAuthenticator_AWrongCode_DoesNotSignIn()
    {
        var (_, key) = await factory.CreateAdminWithAuthenticatorAsync("wrong.code.admin@acr.example.org", Password);
        using var client = factory.CreateNonRedirectingClient();
        using var first = await CookieSignIn.PasswordAsync(client, "wrong.code.admin@acr.example.org", Password);
        var wrong = Totp.Code(key, factory.Clock.GetUtcNow().AddHours(1));

        using var second = await client.SubmitFormAsync(first.Headers.Location!.OriginalString, "main form[method=post]", new Dictionary<string, string> { ["Input.TwoFactorCode"] = wrong });
        using var admin = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("/Identity/Account/Login", admin.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.SecurityEvents.AnyAsync(e => e.Email == "wrong.code.admin@acr.example.org" && e.Kind == SecurityEventKind.SignInFailed)));
    }

    [Fact]
    public async Task AnAuthenticatorCode_SignsInOneSessionOnly_AndTheNextCodeWorks()
    {
        const string email = "replayed.code.admin@acr.example.org";
        var (_, key) = await factory.CreateAdminWithAuthenticatorAsync(email, Password);
        var now = factory.Clock.GetUtcNow();
        using var victim = factory.CreateNonRedirectingClient();
        using var attacker = factory.CreateNonRedirectingClient();
        using var later = factory.CreateNonRedirectingClient();

        using var victimSignIn = await CookieSignIn.WithAuthenticatorAsync(victim, email, Password, key, now);
        using var replayed = await CookieSignIn.WithAuthenticatorAsync(attacker, email, Password, key, now);
        using var attackerAdmin = await attacker.GetAsync("/admin");
        using var nextCode = await CookieSignIn.WithAuthenticatorAsync(later, email, Password, key, now.AddSeconds(30));

        Assert.Equal(HttpStatusCode.Redirect, victimSignIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("/Identity/Account/Login", attackerAdmin.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, nextCode.StatusCode);
    }

    [Fact]
    public async Task AdminSignedInWithAPasswordOnly_SeesNoHiddenEventNorLeadersResource_UntilTheSecondFactor()
    {
        const string email = "password.only.curator@acr.example.org";
        await factory.CreateUserAsync(email, Password, emailConfirmed: true, Roles.AcrAdmin);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var (eventId, resource) = await factory.WithDbAsync(async db =>
        {
            var hidden = TestEvents.Make("Hidden ACR webinar", now.AddDays(10), EventFormat.Virtual);
            hidden.HiddenAt = now;
            hidden.HiddenNote = "Duplicate of another webinar";
            db.Events.Add(hidden);
            db.Resources.Add(new Resource { Slug = "treasurers-ledger-2fa", Title = "Treasurer's ledger", Summary = "For leaders.", Body = "Keep receipts.", Audience = ResourceAudience.RigLeaders, CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
            return (hidden.Id, "treasurers-ledger-2fa");
        });
        using var client = factory.CreateNonRedirectingClient();
        using var signedIn = await CookieSignIn.PasswordAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var hiddenEvent = await client.GetAsync($"/events/{eventId}");
        using var leadersResource = await client.GetAsync($"/resources/{resource}");
        using var withSecondFactor = factory.CreateClientAs("curator-with-code", Roles.AcrAdmin);
        using var hiddenEventWithCode = await withSecondFactor.GetAsync($"/events/{eventId}");

        Assert.Equal(HttpStatusCode.NotFound, hiddenEvent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, leadersResource.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hiddenEventWithCode.StatusCode);
    }
}
