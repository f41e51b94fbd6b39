using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Notifications;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Areas.Identity.Pages.Account;

/// <summary>Sends the confirmation email again to an unconfirmed account; the answer is the same for any address.</summary>
[AllowAnonymous]
public class ResendEmailConfirmationModel(UserManager<ApplicationUser> users, EmailNotifications emails) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null && !await users.IsEmailConfirmedAsync(user))
        {
            await emails.AccountConfirmationAsync(user, returnUrl: null);
        }

        Sent = true;
        return Page();
    }
}
