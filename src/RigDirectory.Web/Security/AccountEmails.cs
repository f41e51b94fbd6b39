using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.WebUtilities;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.Web.Security;

/// <summary>
/// The account emails (confirm, reset, change of address, "you already have an account"), with every link built
/// from the public base URL: a forged Host header can never turn them into links to another site.
/// </summary>
public sealed class AccountEmails(UserManager<ApplicationUser> users, IEmailSender sender, PublicUrls urls)
{
    public async Task SendConfirmationAsync(ApplicationUser user, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = urls.IdentityPage("/Account/ConfirmEmail", new { userId = user.Id, code, returnUrl });
        await sender.SendEmailAsync(user.Email!, "Confirm your RigDirectory account",
            $"<p>Welcome to RigDirectory, {Html(user.DisplayName)}.</p>" +
            "<p>Confirm your email address to finish creating your account:</p>" +
            $"<p><a href=\"{Html(link)}\">Confirm my account</a></p>" +
            "<p>If you did not create this account, ignore this email.</p>");
    }

    public async Task SendPasswordResetAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = urls.IdentityPage("/Account/ResetPassword", new { code });
        await sender.SendEmailAsync(user.Email!, "Reset your RigDirectory password",
            "<p>Someone asked to reset the password of your RigDirectory account.</p>" +
            $"<p><a href=\"{Html(link)}\">Choose a new password</a></p>" +
            "<p>If it was not you, ignore this email: your password stays as it is.</p>");
    }

    public async Task SendEmailChangeAsync(ApplicationUser user, string newEmail)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        var link = urls.IdentityPage("/Account/ConfirmEmailChange", new { userId = user.Id, email = newEmail, code });
        await sender.SendEmailAsync(newEmail, "Confirm your new email address",
            $"<p>{Html(user.DisplayName)}, confirm that RigDirectory should use this address for your account:</p>" +
            $"<p><a href=\"{Html(link)}\">Use this email address</a></p>" +
            "<p>If you did not ask for this, ignore this email.</p>");
    }

    /// <summary>
    /// Sent instead of telling a visitor that an address is taken: only the owner of the address learns that it
    /// already has an account.
    /// </summary>
    public Task SendAlreadyRegisteredAsync(string email)
    {
        var signIn = urls.IdentityPage("/Account/Login");
        var reset = urls.IdentityPage("/Account/ForgotPassword");
        return sender.SendEmailAsync(email, "You already have a RigDirectory account",
            "<p>Someone tried to create a RigDirectory account with this email address, which already has one.</p>" +
            $"<p>If it was you, <a href=\"{Html(signIn)}\">sign in</a>, or <a href=\"{Html(reset)}\">reset your password</a> if you have forgotten it.</p>" +
            "<p>If it was not you, ignore this email: nothing has changed.</p>");
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);
}
