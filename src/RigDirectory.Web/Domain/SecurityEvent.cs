namespace RigDirectory.Web.Domain;

/// <summary>
/// A security-relevant event on an account (sign-ins, lockouts, password and two-factor changes, role changes):
/// who, when and from which address. Written once and never edited through the app.
/// </summary>
public class SecurityEvent
{
    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }
    public SecurityEventKind Kind { get; set; }

    /// <summary>The account the event is about; null when a sign-in named an address with no account.</summary>
    public string? UserId { get; set; }

    /// <summary>The address the event names (what was typed at sign-in, or the account's email).</summary>
    public string? Email { get; set; }

    /// <summary>The client address the request came from (after the trusted proxy).</summary>
    public string? IpAddress { get; set; }

    /// <summary>Who did it when it was not the account holder (an admin granting a role, say).</summary>
    public string? ActorUserId { get; set; }

    public string? Detail { get; set; }
}

public enum SecurityEventKind
{
    SignInSucceeded,
    SignInFailed,
    LockedOut,
    SignedOut,
    PasswordChanged,
    PasswordReset,
    TwoFactorEnabled,
    TwoFactorDisabled,
    AuthenticatorReset,
    RecoveryCodesGenerated,
    RoleGranted,
    RoleRemoved,

    /// <summary>The account was deleted (by its owner, on the personal-data page); what it gave back is in the detail.</summary>
    AccountDeleted,
}
