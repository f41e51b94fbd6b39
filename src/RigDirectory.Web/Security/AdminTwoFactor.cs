using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Security;

/// <summary>An admin page needs a session signed in with a second factor (Identity marks it with <c>amr=mfa</c>).</summary>
public sealed class TwoFactorSessionRequirement : IAuthorizationRequirement
{
    public static bool IsMet(ClaimsPrincipal user) => user.HasClaim("amr", "mfa");
}

public sealed class TwoFactorSessionHandler : AuthorizationHandler<TwoFactorSessionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorSessionRequirement requirement)
    {
        if (TwoFactorSessionRequirement.IsMet(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// An admin refused only for want of a second factor is not shown "access denied": without an authenticator yet,
/// they are sent to set one up (recovery codes are shown once, at the end); with one, to sign in again with it.
/// </summary>
public sealed class AdminTwoFactorResultHandler : IAuthorizationMiddlewareResultHandler
{
    public const string SetUpPath = "/Identity/Account/Manage/EnableAuthenticator";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var onlyTwoFactorMissing = authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { } failure &&
            failure.FailedRequirements.Any() && failure.FailedRequirements.All(r => r is TwoFactorSessionRequirement);
        if (!onlyTwoFactorMissing)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var users = context.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.GetUserAsync(context.User);
        var returnUrl = context.Request.Path + context.Request.QueryString;
        if (user is not null && await users.GetTwoFactorEnabledAsync(user))
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            context.Response.Redirect("/Identity/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl) + "&twoFactor=true");
            return;
        }

        context.Response.Redirect(SetUpPath);
    }
}
