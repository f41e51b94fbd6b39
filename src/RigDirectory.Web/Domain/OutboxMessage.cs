namespace RigDirectory.Web.Domain;

/// <summary>
/// An email waiting to be sent, or sent. Written in the same transaction as the change it follows, so a change is
/// never saved without its email nor an email sent for a change that was rolled back; a background worker sends
/// it, retrying with backoff. Sent rows stay 30 days (the limits on emails sent on a user's behalf count them), then
/// go: they hold people's addresses. Failed ones stay until an admin acts.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The recipient, trimmed and lower-cased.</summary>
    public required string Recipient { get; set; }

    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public EmailPurpose Purpose { get; set; }

    /// <summary>
    /// Who made the app send it ("user:{id}", or "ip:{address}" when signed out); null when the app sent it of its own
    /// accord (reminders, expiries). The per-sender limits count it.
    /// </summary>
    public string? Sender { get; set; }

    /// <summary>The RIG the email is about, for the caps per RIG and the admin console.</summary>
    public int? RigId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the worker should next try to send it.</summary>
    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>A worker claimed the message until then; another worker leaves it alone meanwhile.</summary>
    public DateTime? LockedUntil { get; set; }

    public string? LockedBy { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>The last retry failed too; it waits for an admin to send it again.</summary>
    public DateTime? FailedAt { get; set; }

    public string? LastError { get; set; }
}

/// <summary>Why an email is sent; the caps apply to the ones whose address a user typed.</summary>
public enum EmailPurpose
{
    AccountConfirmation,
    PasswordReset,
    EmailChange,
    AlreadyRegistered,
    SponsorConfirmation,
    OfficerInvitation,
    RegistrationDecision,
    ChangeDecision,
    StarterMessage,
    Other,
    MentorDecision,
    MentorshipRequest,
    MentorshipDecision,
    MentorshipExpired,
    MentorshipEnded,
    EventRegistration,
    EventSeatGiven,
    EventReminder,
    EventChanged,
    EventHidden,
    VerificationReminder,
    SuccessionReminder,
    RigUnclaimed,
    ClaimConfirmation,
    ClaimDecision,
    FundingDecision,
    AwardWon,
}
