using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Notifications;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Change the account's email address (confirmed from a link sent to the new address) or resend the confirmation.</summary>
public class EmailModel(UserManager<ApplicationUser> users, EmailNotifications emails) : PageModel
{
    public string Email { get; private set; } = "";

    public bool IsEmailConfirmed { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public ChangeEmailInput Input { get; set; } = new();

    public sealed class ChangeEmailInput
    {
        [Required(ErrorMessage = "Enter the new email address.")]
        [ValidEmail]
        [StringLength(EmailAddressRules.MaxLength)]
        [Display(Name = "New email")]
        public string NewEmail { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostChangeEmailAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var newEmail = Input.NewEmail.Trim();
        if (string.Equals(newEmail, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            StatusMessage = "That is already your email address.";
            return RedirectToPage();
        }

        await emails.EmailChangeAsync(user, newEmail);
        StatusMessage = $"We sent a link to {newEmail}. Your address changes when you follow it.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSendVerificationEmailAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        await emails.AccountConfirmationAsync(user, returnUrl: null);
        StatusMessage = "Confirmation email sent. Please check your inbox.";
        return RedirectToPage();
    }

    private async Task LoadAsync(ApplicationUser user)
    {
        Email = await users.GetEmailAsync(user) ?? "";
        IsEmailConfirmed = await users.IsEmailConfirmedAsync(user);
    }
}
