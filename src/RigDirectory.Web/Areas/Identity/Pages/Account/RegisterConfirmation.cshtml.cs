using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RigDirectory.Web.Areas.Identity.Pages.Account;

/// <summary>
/// "Check your email", the same for every address: the default page answered differently for unknown ones, which
/// told anyone which addresses have accounts.
/// </summary>
[AllowAnonymous]
public class RegisterConfirmationModel : PageModel
{
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl = null) => ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
