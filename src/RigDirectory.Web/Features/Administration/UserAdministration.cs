using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Notifications;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Administration;

/// <summary>
/// Admins' changes to accounts: roles, locks and the confirmation email. Each is audited (and written to the
/// security log by <see cref="AppUserManager"/>, which also ends the account's sessions when a role goes or a lock
/// starts). The directory never loses its last admin: the check and the change share one write transaction, so
/// two admins removing each other at once cannot both succeed.
/// </summary>
public sealed class UserAdministration(AppDbContext db, UserManager<ApplicationUser> users, AuditLog audit, EmailNotifications emails, SaveStep save, TimeProvider clock)
{
    public const string EntityType = "User";

    public Task<LifecycleResult> GrantAsync(string userId, string role, CancellationToken cancellationToken) =>
        ChangeAsync(userId, role, async user =>
        {
            if (await users.HasRoleAsync(user, role))
            {
                return LifecycleResult.Refused($"{user.DisplayName} already has the {role} role.");
            }

            Check(await users.AddToRoleAsync(user, role));
            audit.Record(EntityType, user.Id, null, AuditAction.RoleGranted, AuditChanges.Of("Role", null, role));
            return LifecycleResult.Ok($"{user.DisplayName} now has the {role} role.");
        }, cancellationToken);

    public Task<LifecycleResult> RevokeAsync(string userId, string role, CancellationToken cancellationToken) =>
        ChangeAsync(userId, role, async user =>
        {
            if (!await users.HasRoleAsync(user, role))
            {
                return LifecycleResult.Refused($"{user.DisplayName} does not have the {role} role.");
            }

            if (role == Roles.AcrAdmin && await IsLastAdminAsync(user, cancellationToken))
            {
                return LifecycleResult.Refused($"{user.DisplayName} is the last admin: make someone else an admin first, or the directory would have nobody to run it.");
            }

            Check(await users.RemoveFromRoleAsync(user, role));
            audit.Record(EntityType, user.Id, null, AuditAction.RoleRevoked, AuditChanges.Of("Role", role, null));
            return LifecycleResult.Ok($"{user.DisplayName} no longer has the {role} role; their sessions end on their next request.");
        }, cancellationToken);

    /// <summary>Locks the account until an admin unlocks it; never one's own account, nor the last admin's.</summary>
    public Task<LifecycleResult> LockAsync(string userId, Actor by, CancellationToken cancellationToken) =>
        ChangeAsync(userId, null, async user =>
        {
            if (user.Id == by.UserId)
            {
                return LifecycleResult.Refused("You cannot lock your own account.");
            }

            if (await users.IsAdminAsync(user) && await IsLastAdminAsync(user, cancellationToken))
            {
                return LifecycleResult.Refused($"{user.DisplayName} is the last admin who can sign in: locking them would leave nobody to run the directory.");
            }

            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
            audit.Record(EntityType, user.Id, null, AuditAction.AccountLocked, AuditChanges.Of("Locked", "no", "yes"));
            return LifecycleResult.Ok($"{user.DisplayName} is locked out and signed out everywhere.");
        }, cancellationToken);

    public Task<LifecycleResult> UnlockAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, null, async user =>
        {
            if (!await users.IsLockedOutAsync(user))
            {
                return LifecycleResult.Refused($"{user.DisplayName} is not locked out.");
            }

            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
            audit.Record(EntityType, user.Id, null, AuditAction.AccountUnlocked, AuditChanges.Of("Locked", "yes", "no"));
            return LifecycleResult.Ok($"{user.DisplayName} can sign in again.");
        }, cancellationToken);

    public Task<LifecycleResult> ResendConfirmationAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, null, async user =>
        {
            if (user.EmailConfirmed)
            {
                return LifecycleResult.Refused($"{user.Email} is already confirmed.");
            }

            audit.Record(EntityType, user.Id, null, AuditAction.ConfirmationResent, note: $"Sent to {user.Email}.");
            await emails.AccountConfirmationAsync(user, null);
            return LifecycleResult.Ok($"A new confirmation email is on its way to {user.Email}.");
        }, cancellationToken);

    /// <summary>Whether no other admin could sign in if <paramref name="user"/> lost the role (or was locked).</summary>
    private async Task<bool> IsLastAdminAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var roleId = await db.RoleIdAsync(Roles.AcrAdmin, cancellationToken);
        // Admins are few; their lockouts are compared here because SQLite cannot compare DateTimeOffset values.
        var others = await db.UserRoles.Where(ur => ur.RoleId == roleId && ur.UserId != user.Id)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (_, u) => u.LockoutEnd).ToListAsync(cancellationToken);
        return !others.Any(lockoutEnd => lockoutEnd is null || lockoutEnd < clock.GetUtcNow());
    }

    /// <summary>Runs <paramref name="change"/> on the user in one write transaction: committed when it succeeds, rolled back otherwise.</summary>
    private async Task<LifecycleResult> ChangeAsync(string userId, string? role, Func<ApplicationUser, Task<LifecycleResult>> change, CancellationToken cancellationToken)
    {
        if (role is not null && !Roles.All.Contains(role))
        {
            return LifecycleResult.Invalid("Role", "Choose one of the roles listed.");
        }

        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return LifecycleResult.NotFound;
        }

        var result = await change(user);
        return result.Succeeded ? await save.CommitAsync(result, cancellationToken, transaction: transaction) : result;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
