namespace RigDirectory.Web.Domain;

/// <summary>
/// How the directory keeps itself current without a curator remembering to: leaders confirm their RIG each year
/// (reminded at 11 and 12 months, stale at 13 — see <see cref="RigFreshness"/>), officers' terms end on 1 July of
/// the year they graduate, from March a RIG whose officers all graduate this year is asked to invite next year's,
/// and a RIG left with no officer is unclaimed until a student at its school claims it.
/// </summary>
public static class Stewardship
{
    public const int FirstReminderMonths = 11;
    public const int LastReminderMonths = 12;

    /// <summary>How long the one-click "still active" link in a reminder works.</summary>
    public const int VerificationLinkDays = 45;

    /// <summary>How long a sponsor has to confirm a student's claim.</summary>
    public const int ClaimConfirmationDays = 30;

    public const int SuccessionSeasonStartMonth = 3;

    /// <summary>An officer's term ends on 1 July (UTC) of the year they graduate.</summary>
    public static DateTime TermEnds(int graduationYear) => new(graduationYear, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The latest class whose officers' terms have ended at <paramref name="now"/>.</summary>
    public static int LastEndedClass(DateTime now) => now >= TermEnds(now.Year) ? now.Year : now.Year - 1;

    /// <summary>From 1 March to 30 June: leaders who all graduate this year are asked to invite their successors.</summary>
    public static bool IsSuccessionSeason(DateTime now) => now.Month >= SuccessionSeasonStartMonth && now < TermEnds(now.Year);

    /// <summary>
    /// Which verification reminder is due (1 at 11 months, 2 at 12) for a RIG known good since <paramref name="since"/>
    /// that has had <paramref name="sent"/> reminders since then; 0 when none is. A worker that was down past 12
    /// months sends the last reminder only.
    /// </summary>
    public static int VerificationReminderDue(DateTime since, int sent, DateTime now) =>
        now >= since.AddMonths(LastReminderMonths) ? (sent < 2 ? 2 : 0)
        : now >= since.AddMonths(FirstReminderMonths) && sent < 1 ? 1
        : 0;

    /// <summary>A claim waiting for ACR's decision (<see cref="IsWaiting"/>), as a query translates it.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<RigClaim, bool>> ClaimWaiting = c => c.Status == ClaimStatus.Waiting;

    /// <summary>Whether a claim still waits for ACR's decision.</summary>
    public static bool IsWaiting(ClaimStatus status) => status == ClaimStatus.Waiting;
}

/// <summary>An emailed one-click "still active" link: single use, expiring, only its hash stored.</summary>
public class RigVerificationLink
{
    public int Id { get; set; }
    public int RigId { get; set; }
    public Rig? Rig { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>Set when the link was used, or when the RIG was verified another way: either way it is spent.</summary>
    public DateTime? UsedAt { get; set; }
}

/// <summary>A student's request to lead an unclaimed RIG: a sponsor vouches for them by email, an admin decides.</summary>
public class RigClaim : IVersioned
{
    public int Id { get; set; }
    public int RigId { get; set; }
    public Rig? Rig { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public required string Position { get; set; }
    public int GraduationYear { get; set; }
    public required string Message { get; set; }

    /// <summary>
    /// The RIG's faculty sponsor asked to confirm that the student is at the school, copied rather than linked so
    /// that the claim still says whom it asked if the sponsor is later removed.
    /// </summary>
    public required string SponsorName { get; set; }

    public required string SponsorEmail { get; set; }
    public string? SponsorTokenHash { get; set; }
    public DateTime? SponsorTokenExpiresAt { get; set; }
    public DateTime? SponsorConfirmedAt { get; set; }

    public ClaimStatus Status { get; set; } = ClaimStatus.Waiting;
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? DecisionNote { get; set; }
    public int Version { get; set; }
}

public enum ClaimStatus
{
    Waiting = 0,
    Approved = 1,
    Declined = 2,
}
