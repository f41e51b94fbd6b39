using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Notifications;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Areas.Identity.Pages.Account;

/// <summary>Emails a reset link (built from the public base URL) to a confirmed account; the answer is the same for any address.</summary>
[AllowAnonymous]
public class ForgotPasswordModel(UserManager<ApplicationUser> users, EmailNotifications emails) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null && await users.IsEmailConfirmedAsync(user))
        {
            await emails.PasswordResetAsync(user);
        }

        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}

/// <summary>What the account pages that only ask for an address post.</summary>
public sealed class EmailInput
{
    [Required(ErrorMessage = "Enter the email address of your account.")]
    [EmailAddress(ErrorMessage = EmailAddressRules.Message)]
    [StringLength(EmailAddressRules.MaxLength)]
    public string Email { get; set; } = "";
}
