using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Infrastructure.Holes;

/// <param name="Name">The signed-in visitor's name; null for a visitor who has not signed in.</param>
/// <param name="TokenField">The sign-out form's antiforgery field and <paramref name="Token"/> its value.</param>
public sealed record AccountMenu(string? Name, bool IsMentor, bool IsAdmin, string TokenField = "", string Token = "");

/// <summary>
/// The navigation's personal part on every page: sign-in links, or the visitor's own account menu. Rendered once
/// per kind of menu (with or without "My mentees" and "Admin console"); each request puts in its name and its
/// sign-out form's antiforgery token.
/// </summary>
public sealed class AccountMenuHole(IAuthorizationService authorization, IAntiforgery antiforgery) : IHole
{
    public const string Name = "account";

    private const string Partial = "/Views/Shared/_AccountMenu.cshtml";
    private const string NamePlaceholder = "rd-fill-account-name";
    private const string TokenPlaceholder = "rd-fill-antiforgery-token";

    public async Task<HoleView?> ViewAsync(HttpContext context, ClaimsPrincipal viewer, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Identity?.IsAuthenticated != true)
        {
            return new HoleView(Partial, new AccountMenu(null, false, false)) { TemplateKey = "anonymous" };
        }

        var (isMentor, isAdmin) = (viewer.IsMentor(), (await authorization.AuthorizeAsync(viewer, Policies.Administer)).Succeeded);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new HoleView(Partial, new AccountMenu(NamePlaceholder, isMentor, isAdmin, tokens.FormFieldName, TokenPlaceholder))
        {
            TemplateKey = $"signed-in mentor={isMentor} admin={isAdmin}",
            Fills =
            [
                (NamePlaceholder, HtmlEncoder.Default.Encode(viewer.Identity.Name ?? "Your account")),
                (TokenPlaceholder, HtmlEncoder.Default.Encode(tokens.RequestToken ?? "")),
            ],
        };
    }
}
