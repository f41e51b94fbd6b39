using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Areas.Identity.Pages.Account;

/// <summary>Replaces the default UI's registration to collect a display name and give new users the Student role.</summary>
[AllowAnonymous]
public class RegisterModel(
    UserManager<ApplicationUser> userManager,
    IEmailSender emailSender,
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

        [Required, EmailAddress, StringLength(Limits.Email)]
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

        var user = new ApplicationUser
        {
            UserName = Input.Email,
            Email = Input.Email,
            DisplayName = Input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await userManager.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        await userManager.AddToRoleAsync(user, Roles.Student);
        logger.LogInformation("New account created");

        var code = await userManager.GenerateEmailConfirmationTokenAsync(user);
        code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(code));
        var callbackUrl = Url.Page("/Account/ConfirmEmail", pageHandler: null,
            values: new { area = "Identity", userId = user.Id, code, returnUrl }, protocol: Request.Scheme)!;
        await emailSender.SendEmailAsync(Input.Email, "Confirm your RigDirectory account",
            $"<p>Welcome to RigDirectory, {HtmlEncoder.Default.Encode(user.DisplayName)}.</p>" +
            $"<p>Confirm your email address to finish creating your account:</p>" +
            $"<p><a href=\"{HtmlEncoder.Default.Encode(callbackUrl)}\">Confirm my account</a></p>" +
            "<p>If you did not create this account, ignore this email.</p>");

        return RedirectToPage("RegisterConfirmation", new { email = Input.Email, returnUrl });
    }
}
