using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Security;

/// <summary>
/// Identity's user manager, plus two duties wherever an account changes, whichever page changed it: every
/// security-relevant change is written to the security log, and removing a role or locking an account renews the
/// security stamp, which ends the account's sessions on their next request.
/// </summary>
public sealed class AppUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    SecurityEventLog securityLog,
    IHttpContextAccessor http,
    TimeProvider clock,
    Data.AppDbContext db,
    SessionStamps stamps,
    IServiceProvider scope)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> ChangePasswordAsync(ApplicationUser user, string currentPassword, string newPassword) =>
        await LogIfSucceededAsync(await base.ChangePasswordAsync(user, currentPassword, newPassword), SecurityEventKind.PasswordChanged, user);

    public override async Task<IdentityResult> ResetPasswordAsync(ApplicationUser user, string token, string newPassword) =>
        await LogIfSucceededAsync(await base.ResetPasswordAsync(user, token, newPassword), SecurityEventKind.PasswordReset, user);

    public override async Task<IdentityResult> SetTwoFactorEnabledAsync(ApplicationUser user, bool enabled) =>
        await KeepOwnSessionAsync(await LogIfSucceededAsync(await base.SetTwoFactorEnabledAsync(user, enabled), enabled ? SecurityEventKind.TwoFactorEnabled : SecurityEventKind.TwoFactorDisabled, user), user);

    public override async Task<IdentityResult> ResetAuthenticatorKeyAsync(ApplicationUser user) =>
        await KeepOwnSessionAsync(await LogIfSucceededAsync(await base.ResetAuthenticatorKeyAsync(user), SecurityEventKind.AuthenticatorReset, user), user);

    public override async Task<IEnumerable<string>?> GenerateNewTwoFactorRecoveryCodesAsync(ApplicationUser user, int number)
    {
        var codes = await base.GenerateNewTwoFactorRecoveryCodesAsync(user, number);
        if (codes is not null)
        {
            await securityLog.RecordAsync(SecurityEventKind.RecoveryCodesGenerated, user);
        }

        return codes;
    }

    /// <summary>
    /// Deleting an account is one transaction, with its entry in the security log: a failure part-way leaves the
    /// account and everything of it as it was. Each capability erases what no cascade can (<see cref="IAccountErasure"/>:
    /// seats passed to the waitlist, mentors' places freed) before the account goes.
    /// </summary>
    public override async Task<IdentityResult> DeleteAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var cancellationToken = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.BeginWriteTransactionAsync(cancellationToken) : null;
        var givenBack = new List<string>();
        foreach (var erasure in scope.GetServices<IAccountErasure>())
        {
            if (await erasure.EraseAsync(user.Id, cancellationToken) is { } what)
            {
                givenBack.Add(what);
            }
        }

        await securityLog.RecordAsync(SecurityEventKind.AccountDeleted, user, detail: givenBack.Count == 0 ? null : $"gave back {string.Join(" and ", givenBack)}");
        var result = await base.DeleteAsync(user);
        if (result.Succeeded && transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        if (result.Succeeded)
        {
            await stamps.ForgetAsync(user.Id);
            await scope.GetRequiredService<Kernel.SaveStep>().AnnounceAsync(new Kernel.AccountDeleted(user.Id), cancellationToken);
        }

        return result;
    }

    /// <summary>Every change of the account is saved here: a new security stamp (a password, a role, a lockout) reaches every session at once.</summary>
    protected override async Task<IdentityResult> UpdateUserAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var tracked = db.Entry(user);
        var stampChanged = tracked.State == Microsoft.EntityFrameworkCore.EntityState.Detached
            || !string.Equals(tracked.Property(u => u.SecurityStamp).OriginalValue, user.SecurityStamp, StringComparison.Ordinal);
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded && stampChanged)
        {
            await stamps.ForgetAsync(user.Id);
        }

        return result;
    }

    public override async Task<IdentityResult> AddToRoleAsync(ApplicationUser user, string role) =>
        await LogIfSucceededAsync(await base.AddToRoleAsync(user, role), SecurityEventKind.RoleGranted, user, role);

    public override async Task<IdentityResult> RemoveFromRoleAsync(ApplicationUser user, string role)
    {
        var result = await base.RemoveFromRoleAsync(user, role);
        return result.Succeeded ? await EndSessionsAsync(SecurityEventKind.RoleRemoved, user, role) : result;
    }

    public override async Task<IdentityResult> SetLockoutEndDateAsync(ApplicationUser user, DateTimeOffset? lockoutEnd)
    {
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        return result.Succeeded && lockoutEnd > clock.GetUtcNow() ? await EndSessionsAsync(SecurityEventKind.LockedOut, user, $"until {lockoutEnd:u}") : result;
    }

    /// <summary>A failed password that trips the lockout ends the account's sessions too.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(ApplicationUser user)
    {
        var wasLockedOut = await IsLockedOutAsync(user);
        var result = await base.AccessFailedAsync(user);
        return result.Succeeded && !wasLockedOut && await IsLockedOutAsync(user)
            ? await EndSessionsAsync(SecurityEventKind.LockedOut, user, "too many failed sign-ins")
            : result;
    }

    /// <summary>
    /// These changes renew the security stamp, which ends every session of the account; the one that made the change
    /// is re-issued with the new stamp (keeping how it was signed in), as Identity's password change does.
    /// </summary>
    private async Task<IdentityResult> KeepOwnSessionAsync(IdentityResult result, ApplicationUser user)
    {
        var context = http.HttpContext;
        if (result.Succeeded && context?.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme &&
            context.User.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id)
        {
            await context.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>().RefreshSignInAsync(user);
        }

        return result;
    }

    private async Task<IdentityResult> EndSessionsAsync(SecurityEventKind kind, ApplicationUser user, string detail)
    {
        var result = await UpdateSecurityStampAsync(user);
        await securityLog.RecordAsync(kind, user, detail: detail);
        return result;
    }

    private async Task<IdentityResult> LogIfSucceededAsync(IdentityResult result, SecurityEventKind kind, ApplicationUser user, string? detail = null)
    {
        if (result.Succeeded)
        {
            await securityLog.RecordAsync(kind, user, detail: detail);
        }

        return result;
    }
}
