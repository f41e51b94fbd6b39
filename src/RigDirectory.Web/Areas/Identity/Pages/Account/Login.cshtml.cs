using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the default UI's sign-in: failed attempts count towards lockout, every attempt is in the security log,
/// and the answers never tell whether an address has an account (only the right password reveals that an account
/// still needs its email confirmed).
/// </summary>
[AllowAnonymous]
public class LoginModel(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    UnknownAccountLockout unknownAccounts,
    SecurityEventLog securityLog) : PageModel
{
    private const string NoMatch = "That email and password do not match an account. Check both and try again.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    /// <summary>Sent here from an admin page by a session signed in without the authenticator code.</summary>
    [BindProperty(SupportsGet = true)]
    public bool TwoFactor { get; set; }

    public sealed class InputModel
    {
        [Required, EmailAddress, StringLength(EmailAddressRules.MaxLength)]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(256)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public async Task OnGetAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl;
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            var lockedOut = unknownAccounts.FailAndCheckLockout(email, Input.Password);
            await securityLog.RecordAsync(lockedOut ? SecurityEventKind.LockedOut : SecurityEventKind.SignInFailed, null, email, "no account with this address");
            return lockedOut ? RedirectToPage("./Lockout") : Refuse(NoMatch);
        }

        if (!await userManager.IsEmailConfirmedAsync(user))
        {
            return await UnconfirmedAsync(user);
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return await SignedInAsync(user, returnUrl);
        }

        if (result.RequiresTwoFactor || result.IsLockedOut)
        {
            return result.IsLockedOut ? RedirectToPage("./Lockout") : RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl, Input.RememberMe });
        }

        await securityLog.RecordAsync(SecurityEventKind.SignInFailed, user, email, "wrong password");
        return Refuse(NoMatch);
    }

    private async Task<IActionResult> SignedInAsync(ApplicationUser user, string? returnUrl)
    {
        if (await userManager.GetTwoFactorEnabledAsync(user))
        {
            // Past the second step because this browser was trusted after a code (SecurityOptions.TrustedBrowserFor):
            // the session counts as signed in with the authenticator, as admin pages require.
            await signInManager.SignInWithClaimsAsync(user, Input.RememberMe, [new Claim("amr", "mfa")]);
        }

        await securityLog.RecordAsync(SecurityEventKind.SignInSucceeded, user);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/landing");
    }

    /// <summary>An unconfirmed account: a wrong password gets the usual answer (and counts); only the right one hears why.</summary>
    private async Task<IActionResult> UnconfirmedAsync(ApplicationUser user)
    {
        if (await userManager.IsLockedOutAsync(user))
        {
            return RedirectToPage("./Lockout");
        }

        if (!await userManager.CheckPasswordAsync(user, Input.Password))
        {
            await userManager.AccessFailedAsync(user);
            await securityLog.RecordAsync(SecurityEventKind.SignInFailed, user, Input.Email, "wrong password");
            return await userManager.IsLockedOutAsync(user) ? RedirectToPage("./Lockout") : Refuse(NoMatch);
        }

        return Refuse("Confirm your email address before signing in: follow the link we emailed you, or ask for a new one below.");
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }
}
