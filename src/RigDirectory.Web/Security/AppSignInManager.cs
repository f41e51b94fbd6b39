using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Security;

/// <summary>Identity's sign-in manager, writing the second step of two-factor sign-ins to the security log.</summary>
public sealed class AppSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    SecurityEventLog securityLog)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient) =>
        await LogAsync(await GetTwoFactorAuthenticationUserAsync(), await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient), "authenticator code");

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode) =>
        await LogAsync(await GetTwoFactorAuthenticationUserAsync(), await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode), "recovery code");

    public override async Task SignOutAsync()
    {
        if (Context.User.Identity?.IsAuthenticated == true && await UserManager.GetUserAsync(Context.User) is { } user)
        {
            await securityLog.RecordAsync(SecurityEventKind.SignedOut, user);
        }

        await base.SignOutAsync();
    }

    private async Task<SignInResult> LogAsync(ApplicationUser? user, SignInResult result, string method)
    {
        var kind = result.Succeeded ? SecurityEventKind.SignInSucceeded : result.IsLockedOut ? SecurityEventKind.LockedOut : SecurityEventKind.SignInFailed;
        await securityLog.RecordAsync(kind, user, detail: $"second step, {method}");
        return result;
    }
}
