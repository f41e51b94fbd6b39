using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces the default UI's second sign-in step in the site's words ("Sign in", "Trust this browser"): the code
/// from the authenticator app after the password. IdentityPageGuards sends anyone here without a first step back.
/// </summary>
[AllowAnonymous]
public class LoginWith2faModel(SignInManager<ApplicationUser> signIn, IOptions<SecurityOptions> security) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public int TrustedDays => (int)security.Value.TrustedBrowserFor.TotalDays;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the six-digit code your app shows.")]
        [StringLength(9, MinimumLength = 6, ErrorMessage = "The code is six digits.")]
        [Display(Name = "Authenticator code")]
        public string TwoFactorCode { get; set; } = "";

        public bool RememberMachine { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Input.TwoFactorCode.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberMachine && TrustedDays > 0);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/landing");
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("./Lockout");
        }

        ModelState.AddModelError("Input.TwoFactorCode", "That code does not match, or was already used. Enter the code your app shows now.");
        return Page();
    }
}
