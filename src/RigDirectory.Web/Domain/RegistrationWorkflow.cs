namespace RigDirectory.Web.Domain;

/// <summary>Who moves a registration from one status to another.</summary>
public enum RegistrationActor
{
    Leader = 0,
    Reviewer = 1,
}

/// <summary>
/// The registration state machine: a leader submits a draft (or a registration sent back for changes);
/// a reviewer approves it, sends it back, or rejects it; an approved RIG that closed is archived, and can be restored.
/// Every other move is refused with a reason.
/// </summary>
public static class RegistrationWorkflow
{
    private static readonly Dictionary<(RigStatus From, RigStatus To), RegistrationActor> Allowed = new()
    {
        [(RigStatus.Draft, RigStatus.Submitted)] = RegistrationActor.Leader,
        [(RigStatus.ChangesRequested, RigStatus.Submitted)] = RegistrationActor.Leader,
        [(RigStatus.Submitted, RigStatus.Approved)] = RegistrationActor.Reviewer,
        [(RigStatus.Submitted, RigStatus.ChangesRequested)] = RegistrationActor.Reviewer,
        [(RigStatus.Submitted, RigStatus.Rejected)] = RegistrationActor.Reviewer,
        [(RigStatus.Approved, RigStatus.Archived)] = RegistrationActor.Reviewer,
        [(RigStatus.Archived, RigStatus.Approved)] = RegistrationActor.Reviewer,
    };

    /// <summary>Null when the move is allowed; otherwise a sentence saying why not.</summary>
    public static string? Refusal(RigStatus from, RigStatus to, RegistrationActor actor)
    {
        if (Allowed.TryGetValue((from, to), out var who))
        {
            return who == actor ? null : who == RegistrationActor.Reviewer
                ? "Only ACR reviewers can approve, reject, ask for changes, archive or restore."
                : "Only the RIG's leaders can submit its registration.";
        }

        return (from, to) switch
        {
            (RigStatus.Submitted, RigStatus.Submitted) => "This registration has already been submitted and is waiting for review.",
            (RigStatus.Approved, _) => "This RIG is already approved.",
            (RigStatus.Archived, _) => "This RIG is archived; an admin can restore it.",
            (_, RigStatus.Archived) => "Only an approved RIG can be archived.",
            (RigStatus.Rejected, _) => "This registration was rejected and is closed.",
            (RigStatus.Draft or RigStatus.ChangesRequested, RigStatus.Approved or RigStatus.Rejected or RigStatus.ChangesRequested) => "A registration must be submitted before it can be reviewed.",
            _ => $"A registration cannot go from {from.DisplayName()} to {to.DisplayName()}.",
        };
    }

    /// <summary>Whether the registration is done: ACR approved the RIG (it is edited, verified and archived from here).</summary>
    public static bool IsApproved(RigStatus status) => status == RigStatus.Approved;

    /// <summary>Submitted and waiting for a reviewer's decision.</summary>
    public static bool AwaitingDecision(RigStatus status) => status == RigStatus.Submitted;

    /// <summary>Over: archived, or rejected at review. Nothing more happens to it unless a reviewer restores it.</summary>
    public static bool IsClosed(RigStatus status) => status is RigStatus.Archived or RigStatus.Rejected;

    /// <summary><see cref="IsApproved"/> as a query translates it.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Rig, bool>> Approved = r => r.Status == RigStatus.Approved;

    /// <summary><see cref="AwaitingDecision"/> as a query translates it.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Rig, bool>> AwaitingReview = r => r.Status == RigStatus.Submitted;

    /// <summary><see cref="IsEditableByLeaders"/> as a query translates it.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Rig, bool>> EditableByLeaders = r => r.Status == RigStatus.Draft || r.Status == RigStatus.ChangesRequested;

    /// <summary>Sent back by a reviewer for changes (to the step the reviewer named).</summary>
    public static bool IsSentBack(RigStatus status) => status == RigStatus.ChangesRequested;

    /// <summary>Closed and out of the directory; a reviewer can restore it.</summary>
    public static bool IsArchived(RigStatus status) => status == RigStatus.Archived;

    /// <summary>An approved RIG whose leaders asked for a change of name or school, waiting for review.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Rig, bool>> ChangeWaiting = r => r.Status == RigStatus.Approved && r.ChangeRequestedAt != null;

    /// <summary>Whether the leaders may still change the registration themselves.</summary>
    public static bool IsEditableByLeaders(RigStatus status) => status is RigStatus.Draft or RigStatus.ChangesRequested;

    /// <summary>
    /// A RIG that keeps its school from a second registration: approved, or waiting for (or back from) review.
    /// An expression, so that queries send it as SQL.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<Rig, bool>> HoldsItsSchool =
        r => r.Status == RigStatus.Approved || r.Status == RigStatus.Submitted || r.Status == RigStatus.ChangesRequested;

    /// <summary>
    /// The statuses of <see cref="HoldsItsSchool"/>, for the database's filtered unique index that keeps one such RIG
    /// per school even when two registrations race past the check (drafts are private work and hold nothing).
    /// </summary>
    public static readonly IReadOnlyList<RigStatus> SchoolHoldingStatuses = [RigStatus.Submitted, RigStatus.ChangesRequested, RigStatus.Approved];

    /// <summary>Why a registration cannot hold <paramref name="school"/>: another RIG does.</summary>
    public static string SchoolTaken(string school) =>
        $"{school} already has a RIG, or one being registered. Join it rather than registering a second: its school page lets you write to its leaders.";

    /// <summary>A RIG submitted for review (or back from it for changes): its school shows "a RIG here is being registered".</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Rig, bool>> IsBeingRegistered =
        r => r.Status == RigStatus.Submitted || r.Status == RigStatus.ChangesRequested;

    public static bool BeingRegistered(RigStatus status) => status is RigStatus.Submitted or RigStatus.ChangesRequested;
}
