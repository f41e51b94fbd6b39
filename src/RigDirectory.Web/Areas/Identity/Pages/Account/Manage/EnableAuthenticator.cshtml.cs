using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using QRCoder;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces the default UI's authenticator set-up (the first page every ACR admin sees after the password): the key
/// as a QR code drawn on the server and in groups of four, the account named "RigDirectory" in the app, and on
/// success the recovery codes, once.
/// </summary>
public class EnableAuthenticatorModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IOptions<SecurityOptions> security, UrlEncoder urlEncoder) : PageModel
{
    public string SharedKey { get; private set; } = "";

    /// <summary>The <c>otpauth://</c> address the QR code holds, also offered as a link for an app on this device.</summary>
    public string AuthenticatorUri { get; private set; } = "";

    /// <summary>The QR code as SVG, drawn here from <see cref="AuthenticatorUri"/> (no text of the user's is in it).</summary>
    public string QrCodeSvg { get; private set; } = "";

    /// <summary>Whether this is an admin's first sign-in: the page says why it is asked.</summary>
    public bool ForAdmin { get; private set; }

    [TempData]
    public string[]? RecoveryCodes { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the six-digit code your app shows.")]
        [StringLength(9, MinimumLength = 6, ErrorMessage = "The code is six digits.")]
        [Display(Name = "Code from the app")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", "That code does not match. Check the app shows RigDirectory and your email, and enter the code it shows now.");
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        // The code just checked is the second factor: this session counts as signed in with it, so an admin goes
        // on to the console without signing in again (the code cannot be used again to sign in elsewhere).
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await signIn.SignInWithClaimsAsync(user, session.Properties, [new Claim("amr", "mfa")]);
        if (await users.CountRecoveryCodesAsync(user) == 0)
        {
            RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
            return RedirectToPage("./ShowRecoveryCodes");
        }

        TempData.SetStatus("Your authenticator app is set up: signing in now asks for its code.");
        return RedirectToPage("./TwoFactorAuthentication");
    }

    private async Task LoadAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        SharedKey = Authenticator.Grouped(key);
        AuthenticatorUri = Authenticator.Uri(security.Value.AuthenticatorIssuer, await users.GetEmailAsync(user) ?? "", key, urlEncoder);
        using var data = QRCodeGenerator.GenerateQrCode(AuthenticatorUri, QRCodeGenerator.ECCLevel.M);
        QrCodeSvg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        ForAdmin = await users.IsAdminAsync(user) && !await users.GetTwoFactorEnabledAsync(user);
    }
}
