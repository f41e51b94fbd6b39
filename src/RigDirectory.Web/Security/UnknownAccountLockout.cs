using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Security;

/// <summary>
/// Sign-in attempts for addresses that have no account behave exactly like attempts for real ones: the same
/// password-hashing work, the same message, and the same lockout after the same number of failures. Otherwise the
/// answers (or their timing) would tell anyone which addresses have accounts.
/// </summary>
public sealed class UnknownAccountLockout(ISharedCounters counters, IOptions<IdentityOptions> identity, IPasswordHasher<ApplicationUser> hasher)
{
    // Made once per process, so that each attempt costs one verification, as for a real account.
    private static string? _decoyHash;

    /// <summary>
    /// Checks the password against a decoy hash and counts the failure (in the shared counters, so every instance
    /// counts towards one lockout); true when the address is now locked out.
    /// </summary>
    public bool FailAndCheckLockout(string email, string password)
    {
        ArgumentNullException.ThrowIfNull(email);
        _decoyHash ??= hasher.HashPassword(new ApplicationUser(), Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(new ApplicationUser(), _decoyHash, password);
        if (IsLockedOut(email))
        {
            return true;
        }

        var lockout = identity.Value.Lockout;
        var (failures, _) = counters.Hit(Key(email), TimeSpan.FromDays(1));
        if (failures >= lockout.MaxFailedAccessAttempts)
        {
            counters.Remove(Key(email));
            counters.Raise(LockKey(email), lockout.DefaultLockoutTimeSpan);
            return true;
        }

        return false;
    }

    public bool IsLockedOut(string email) => counters.IsRaised(LockKey(email));

    private static string Key(string email) => "unknown-account-failures:" + email.Trim().ToUpperInvariant();

    private static string LockKey(string email) => "unknown-account-lockout:" + email.Trim().ToUpperInvariant();
}
