using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Confirms an account from its emailed link, then carries on where the student began (the school they chose, the
/// invitation they followed): the default page stopped at "thank you", so the journey had to start again.
/// </summary>
[AllowAnonymous]
public class ConfirmEmailModel(UserManager<ApplicationUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    /// <summary>Where the journey that led to creating the account goes on; only a local address is kept.</summary>
    public string? ReturnUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code, string? returnUrl = null)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code) || code.Length > 2000)
        {
            return Page();
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Page();
        }

        try
        {
            Confirmed = (await users.ConfirmEmailAsync(user, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)))).Succeeded;
        }
        catch (FormatException)
        {
            Confirmed = false;
        }

        return Page();
    }
}
