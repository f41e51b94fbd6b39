using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Security;

/// <summary>
/// The one place outside the policies where a role is read: pages and owners ask these, never <c>IsInRole</c>
/// themselves (the architecture test holds them to it), so what a role means is decided here.
/// </summary>
public static class RoleChecks
{
    /// <summary>The signed-in user mentors (their offer was approved): the account menu shows "My mentees".</summary>
    public static bool IsMentor(this ClaimsPrincipal user) => (user ?? throw new ArgumentNullException(nameof(user))).IsInRole(Roles.Mentor);

    /// <summary>The signed-in user holds one of <paramref name="roles"/>: a shared page is rendered whole for them (they see more).</summary>
    public static bool HoldsAnyOf(this ClaimsPrincipal user, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (roles ?? throw new ArgumentNullException(nameof(roles))).Any(user.IsInRole);
    }

    /// <summary>An ACR admin's account: its sign-in needs a second factor, and the last one is never removed.</summary>
    public static Task<bool> IsAdminAsync(this UserManager<ApplicationUser> users, ApplicationUser user) => users.HasRoleAsync(user, Roles.AcrAdmin);

    /// <summary>Whether the account holds <paramref name="role"/> now (before granting or revoking it).</summary>
    public static Task<bool> HasRoleAsync(this UserManager<ApplicationUser> users, ApplicationUser user, string role) =>
        (users ?? throw new ArgumentNullException(nameof(users))).IsInRoleAsync(user, role);
}
