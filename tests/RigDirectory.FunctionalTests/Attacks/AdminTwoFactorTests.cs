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
        var otpauth = new Uri(setUp.QuerySelector("#qrCodeData")!.GetAttribute("data-url")!);
        var key = System.Web.HttpUtility.ParseQueryString(otpauth.Query)["secret"]!;
        using var verified = await client.SubmitFormAsync(setUp, "form#send-code", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, factory.Clock.GetUtcNow()) });
        var codes = await client.GetDocumentAsync(verified.Headers.Location!.OriginalString);
        Assert.Contains("ShowRecoveryCodes", verified.Headers.Location.OriginalString, StringComparison.Ordinal);
        Assert.Equal(10, codes.QuerySelectorAll(".recovery-code, code.recovery-code").Length);
        using var codesAgain = await client.GetAsync(verified.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, codesAgain.StatusCode);

        // The session that set the app up was signed in with a password only: admin pages ask for a new sign-in.
        using var stillPasswordOnly = await client.GetAsync("/admin");
        Assert.StartsWith("/Identity/Account/Login?ReturnUrl=%2Fadmin&twoFactor=true", stillPasswordOnly.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // The set-up used this step's code: the sign-in takes the next one, as a person would wait for it.
        using var withCode = await CookieSignIn.WithAuthenticatorAsync(client, email, Password, key, factory.Clock.GetUtcNow().AddSeconds(30), stillPasswordOnly.Headers.Location.OriginalString);
        Assert.Equal("/admin", withCode.Headers.Location!.OriginalString);
        using var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);

        var kinds = await factory.WithDbAsync(db => db.SecurityEvents.Where(e => e.Email == email).Select(e => e.Kind).ToListAsync());
        Assert.Contains(SecurityEventKind.TwoFactorEnabled, kinds);
        Assert.Contains(SecurityEventKind.RecoveryCodesGenerated, kinds);
        Assert.Contains(SecurityEventKind.SignInSucceeded, kinds);
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
