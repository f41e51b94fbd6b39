using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Security;

/// <summary>
/// Sign-in attempts for addresses that have no account behave exactly like attempts for real ones: the same
/// password-hashing work, the same message, and the same lockout after the same number of failures. Otherwise the
/// answers (or their timing) would tell anyone which addresses have accounts.
/// </summary>
public sealed class UnknownAccountLockout(IMemoryCache cache, IOptions<IdentityOptions> identity, IPasswordHasher<ApplicationUser> hasher, TimeProvider clock)
{
    // Made once per process, so that each attempt costs one verification, as for a real account.
    private static string? _decoyHash;

    /// <summary>Checks the password against a decoy hash and counts the failure; true when the address is now locked out.</summary>
    public bool FailAndCheckLockout(string email, string password)
    {
        ArgumentNullException.ThrowIfNull(email);
        _decoyHash ??= hasher.HashPassword(new ApplicationUser(), Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(new ApplicationUser(), _decoyHash, password);
        if (IsLockedOut(email))
        {
            return true;
        }

        var key = Key(email);
        var failures = cache.Get<int>(key) + 1;
        var lockout = identity.Value.Lockout;
        if (failures >= lockout.MaxFailedAccessAttempts)
        {
            cache.Remove(key);
            cache.Set(LockKey(email), clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan, lockout.DefaultLockoutTimeSpan);
            return true;
        }

        cache.Set(key, failures, TimeSpan.FromDays(1));
        return false;
    }

    public bool IsLockedOut(string email) => cache.TryGetValue<DateTimeOffset>(LockKey(email), out var until) && until > clock.GetUtcNow();

    private static string Key(string email) => "unknown-account-failures:" + email.Trim().ToUpperInvariant();

    private static string LockKey(string email) => "unknown-account-lockout:" + email.Trim().ToUpperInvariant();
}
