using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;

namespace RigDirectory.Web.Security;

/// <summary>
/// Role grants and revocations inside the caller's unit of work, so that they commit with the change that causes
/// them (an approval, a claim, an admin's decision) or not at all.
/// </summary>
public static class RoleGrants
{
    public static Task<string> RoleIdAsync(this AppDbContext db, string role, CancellationToken cancellationToken) =>
        db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(cancellationToken);

    /// <summary>Adds <paramref name="role"/> to those of <paramref name="userIds"/> who lack it.</summary>
    public static async Task GrantRoleAsync(this AppDbContext db, string role, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var roleId = await db.RoleIdAsync(role, cancellationToken);
        var already = await db.UserRoles.Where(ur => ur.RoleId == roleId && userIds.Contains(ur.UserId)).Select(ur => ur.UserId).ToListAsync(cancellationToken);
        foreach (var id in userIds.Except(already))
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleId });
        }
    }

    public static async Task RevokeRoleAsync(this AppDbContext db, string role, string userId, CancellationToken cancellationToken)
    {
        var roleId = await db.RoleIdAsync(role, cancellationToken);
        db.UserRoles.RemoveRange(await db.UserRoles.Where(ur => ur.UserId == userId && ur.RoleId == roleId).ToListAsync(cancellationToken));
    }
}
