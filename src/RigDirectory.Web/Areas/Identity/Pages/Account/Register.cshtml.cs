using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Notifications;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Areas.Identity.Pages.Account;

/// <summary>Replaces the default UI's registration to collect a display name and give new users the Student role.</summary>
[AllowAnonymous]
public class RegisterModel(
    UserManager<ApplicationUser> userManager,
    EmailNotifications emails,
    TimeProvider clock,
    ILogger<RegisterModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required, StringLength(Limits.Name, MinimumLength = 2)]
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Required, ValidEmail, StringLength(EmailAddressRules.MaxLength)]
        public string Email { get; set; } = "";

        [Required, StringLength(256, MinimumLength = 12, ErrorMessage = "Use at least 12 characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "Confirm password")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            // The visitor sees what a new registration sees; only the address's owner is told it has an account.
            await emails.AlreadyRegisteredAsync(email);
            return RedirectToPage("RegisterConfirmation", new { returnUrl });
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await userManager.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
            }

            return Page();
        }

        await userManager.AddToRoleAsync(user, Roles.Student);
        logger.LogInformation("New account created");
        await emails.AccountConfirmationAsync(user, returnUrl);
        return RedirectToPage("RegisterConfirmation", new { returnUrl });
    }
}
