using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Infrastructure.Holes;

/// <param name="Name">The signed-in visitor's name; null for a visitor who has not signed in.</param>
public sealed record AccountMenu(string? Name, bool IsMentor, bool IsAdmin);

/// <summary>The navigation's personal part on every page: sign-in links, or the visitor's own account menu.</summary>
public sealed class AccountMenuHole(IAuthorizationService authorization) : IHole
{
    public const string Name = "account";

    public async Task<HoleView?> ViewAsync(HttpContext context, ClaimsPrincipal viewer, string argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var menu = viewer.Identity?.IsAuthenticated == true
            ? new AccountMenu(viewer.Identity.Name ?? "Your account", viewer.IsMentor(), (await authorization.AuthorizeAsync(viewer, Policies.Administer)).Succeeded)
            : new AccountMenu(null, false, false);
        return new HoleView("/Views/Shared/_AccountMenu.cshtml", menu);
    }
}
