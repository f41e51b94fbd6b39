using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Security;

/// <summary>
/// Identity's default pages assume the step before them happened and throw (a 500) when it did not: the second
/// sign-in step without a first, recovery codes or turning two-factor off without two-factor, an email change's or a
/// password reset's link without its parts, external sign-ins the site does not offer. Each is answered as a person
/// would expect instead: back to sign in, to the two-factor page, to the home page, to "forgot password", or not found.
/// </summary>
public sealed class IdentityPageGuards(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users) : IAsyncPageFilter
{
    /// <summary>Pages for signing in with another site's account: none is configured, so they do not exist.</summary>
    public static readonly IReadOnlyList<string> ExternalSignInPages = ["/Account/ExternalLogin", "/Account/Manage/ExternalLogins"];

    /// <summary>The second step of signing in, after a password.</summary>
    public static readonly IReadOnlyList<string> SecondStepPages = ["/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode"];

    /// <summary>Pages that change two-factor sign-in, which only mean something once it is on.</summary>
    public static readonly IReadOnlyList<string> TwoFactorOnPages = ["/Account/Manage/GenerateRecoveryCodes", "/Account/Manage/Disable2fa"];

    /// <summary>The link in an email-change email: it needs all its parts.</summary>
    public const string ConfirmEmailChangePage = "/Account/ConfirmEmailChange";

    private static readonly string[] ConfirmEmailChangeParts = ["userId", "email", "code"];

    /// <summary>The link in a password-reset email: without its code the default page answers a bare line of text.</summary>
    public const string ResetPasswordPage = "/Account/ResetPassword";

    public static void Guard(PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        foreach (var page in ExternalSignInPages.Concat(SecondStepPages).Concat(TwoFactorOnPages).Append(ConfirmEmailChangePage).Append(ResetPasswordPage))
        {
            conventions.AddAreaPageApplicationModelConvention("Identity", page, model => model.Filters.Add(new ServiceFilterAttribute(typeof(IdentityPageGuards))));
        }
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var page = context.ActionDescriptor.ViewEnginePath;
        if (ExternalSignInPages.Contains(page))
        {
            context.Result = new NotFoundResult();
            return;
        }

        if (SecondStepPages.Contains(page) && await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            context.Result = new RedirectToPageResult("/Account/Login", new { area = "Identity" });
            return;
        }

        var query = context.HttpContext.Request.Query;
        if (page == ConfirmEmailChangePage && ConfirmEmailChangeParts.Any(part => string.IsNullOrEmpty(query[part])))
        {
            context.Result = new LocalRedirectResult("/");
            return;
        }

        if (page == ResetPasswordPage && HttpMethods.IsGet(context.HttpContext.Request.Method) && string.IsNullOrEmpty(query["code"]))
        {
            context.Result = new RedirectToPageResult("/Account/ForgotPassword", new { area = "Identity" });
            return;
        }

        if (TwoFactorOnPages.Contains(page) && (await users.GetUserAsync(context.HttpContext.User) is not { } user || !await users.GetTwoFactorEnabledAsync(user)))
        {
            context.Result = new RedirectToPageResult("/Account/Manage/TwoFactorAuthentication", new { area = "Identity" });
            return;
        }

        await next();
    }
}
