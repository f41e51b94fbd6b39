using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces the default UI's recovery codes page: the codes shown once (they come in TempData from the set-up or from
/// "new codes"), to download or copy, and a way on: the console for an admin, the account page for anyone else.
/// </summary>
public class ShowRecoveryCodesModel(UserManager<ApplicationUser> users) : PageModel
{
    [TempData]
    public string[]? RecoveryCodes { get; set; }

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (RecoveryCodes is not { Length: > 0 } codes)
        {
            return RedirectToPage("./TwoFactorAuthentication");
        }

        Codes = codes;
        IsAdmin = await users.GetUserAsync(User) is { } user && await users.IsAdminAsync(user);
        return Page();
    }

    /// <summary>The codes as a text file, for the download link (written into the page: they are not kept to be fetched again).</summary>
    public string CodesFile => "RigDirectory recovery codes" + Environment.NewLine
        + "Each code signs you in once, instead of a code from your authenticator app." + Environment.NewLine + Environment.NewLine
        + string.Join(Environment.NewLine, Codes) + Environment.NewLine;
}
