namespace RigDirectory.Web.Domain;

/// <summary>
/// A lifecycle's moves in one place: which command is allowed from which state, and the state it leads to. Owners
/// ask it before they move anything; the unit tests walk every (state, command) pair of every table.
/// </summary>
public sealed class TransitionTable<TState, TCommand>
    where TState : struct, Enum
    where TCommand : struct, Enum
{
    private readonly Dictionary<(TState From, TCommand Command), TState> _moves;

    public TransitionTable(params (TState From, TCommand Command, TState To)[] moves)
    {
        ArgumentNullException.ThrowIfNull(moves);
        _moves = moves.ToDictionary(m => (m.From, m.Command), m => m.To);
    }

    public bool Allows(TState from, TCommand command) => _moves.ContainsKey((from, command));

    /// <summary>Where <paramref name="command"/> takes <paramref name="from"/>; null when it is not allowed there.</summary>
    public TState? To(TState from, TCommand command) => _moves.TryGetValue((from, command), out var to) ? to : null;

    public IEnumerable<(TState From, TCommand Command, TState To)> Moves => _moves.Select(m => (m.Key.From, m.Key.Command, m.Value));
}

/// <summary>What can happen to an offer to mentor.</summary>
public enum MentorCommand
{
    /// <summary>The mentor sends the offer (again) for review.</summary>
    Offer,

    /// <summary>The mentor edits a standing offer; it stays as it is.</summary>
    Edit,
    Approve,
    RequestChanges,
    Reject,
    Pause,
    Resume,
    Withdraw,
    Deactivate,
}

/// <summary>What can happen to a request for mentoring, and to the mentorship it becomes.</summary>
public enum MentorshipCommand
{
    Accept,
    Decline,

    /// <summary>The student takes the request back before an answer.</summary>
    Cancel,
    Expire,

    /// <summary>Either side ends a mentorship under way.</summary>
    End,
}

/// <summary>What can happen to a student's place at an event.</summary>
public enum SeatCommand
{
    /// <summary>Takes a free seat (a new registration starts as cancelled: it holds nothing yet).</summary>
    Register,

    /// <summary>Joins the waitlist of a full event.</summary>
    Waitlist,

    /// <summary>A freed seat goes to the first on the waitlist.</summary>
    Promote,
    Cancel,
}

/// <summary>What can happen to a workshop funding application.</summary>
public enum FundingCommand
{
    /// <summary>The leaders save a draft (or an application sent back) without sending it.</summary>
    Save,
    Submit,
    Award,
    Decline,
    SendBack,
}

/// <summary>ACR's decision on a student's claim to lead a RIG left without leaders.</summary>
public enum ClaimCommand
{
    Approve,
    Decline,
}

/// <summary>Where a nomination for an award stands (a winner has <c>SelectedAt</c>).</summary>
public enum NominationState
{
    Nominated,
    Winner,
}

public enum NominationCommand
{
    Select,
    Unselect,
}

/// <summary>The lifecycles' tables. The RIG's own is <see cref="RegistrationWorkflow"/>, by actor.</summary>
public static class Lifecycles
{
    public static readonly TransitionTable<MentorStatus, MentorCommand> MentorOffer = new(
        (MentorStatus.Submitted, MentorCommand.Offer, MentorStatus.Submitted),
        (MentorStatus.ChangesRequested, MentorCommand.Offer, MentorStatus.Submitted),
        (MentorStatus.Withdrawn, MentorCommand.Offer, MentorStatus.Submitted),
        (MentorStatus.Active, MentorCommand.Edit, MentorStatus.Active),
        (MentorStatus.Paused, MentorCommand.Edit, MentorStatus.Paused),
        (MentorStatus.Submitted, MentorCommand.Approve, MentorStatus.Active),
        (MentorStatus.Submitted, MentorCommand.RequestChanges, MentorStatus.ChangesRequested),
        (MentorStatus.Submitted, MentorCommand.Reject, MentorStatus.Rejected),
        (MentorStatus.Active, MentorCommand.Pause, MentorStatus.Paused),
        (MentorStatus.Paused, MentorCommand.Resume, MentorStatus.Active),
        (MentorStatus.Submitted, MentorCommand.Withdraw, MentorStatus.Withdrawn),
        (MentorStatus.ChangesRequested, MentorCommand.Withdraw, MentorStatus.Withdrawn),
        (MentorStatus.Active, MentorCommand.Withdraw, MentorStatus.Withdrawn),
        (MentorStatus.Paused, MentorCommand.Withdraw, MentorStatus.Withdrawn),
        (MentorStatus.Submitted, MentorCommand.Deactivate, MentorStatus.Deactivated),
        (MentorStatus.ChangesRequested, MentorCommand.Deactivate, MentorStatus.Deactivated),
        (MentorStatus.Active, MentorCommand.Deactivate, MentorStatus.Deactivated),
        (MentorStatus.Paused, MentorCommand.Deactivate, MentorStatus.Deactivated));

    public static readonly TransitionTable<MentorshipStatus, MentorshipCommand> Mentorship = new(
        (MentorshipStatus.Requested, MentorshipCommand.Accept, MentorshipStatus.Accepted),
        (MentorshipStatus.Requested, MentorshipCommand.Decline, MentorshipStatus.Declined),
        (MentorshipStatus.Requested, MentorshipCommand.Cancel, MentorshipStatus.Cancelled),
        (MentorshipStatus.Requested, MentorshipCommand.Expire, MentorshipStatus.Expired),
        (MentorshipStatus.Accepted, MentorshipCommand.End, MentorshipStatus.Ended));

    public static readonly TransitionTable<RegistrationStatus, SeatCommand> EventSeat = new(
        (RegistrationStatus.Cancelled, SeatCommand.Register, RegistrationStatus.Registered),
        (RegistrationStatus.Cancelled, SeatCommand.Waitlist, RegistrationStatus.Waitlisted),
        (RegistrationStatus.Waitlisted, SeatCommand.Promote, RegistrationStatus.Registered),
        (RegistrationStatus.Registered, SeatCommand.Cancel, RegistrationStatus.Cancelled),
        (RegistrationStatus.Waitlisted, SeatCommand.Cancel, RegistrationStatus.Cancelled));

    public static readonly TransitionTable<FundingStatus, FundingCommand> FundingApplication = new(
        (FundingStatus.Draft, FundingCommand.Save, FundingStatus.Draft),
        (FundingStatus.ChangesRequested, FundingCommand.Save, FundingStatus.ChangesRequested),
        (FundingStatus.Draft, FundingCommand.Submit, FundingStatus.Submitted),
        (FundingStatus.ChangesRequested, FundingCommand.Submit, FundingStatus.Submitted),
        (FundingStatus.Submitted, FundingCommand.Award, FundingStatus.Awarded),
        (FundingStatus.Submitted, FundingCommand.Decline, FundingStatus.Declined),
        (FundingStatus.Submitted, FundingCommand.SendBack, FundingStatus.ChangesRequested));

    public static readonly TransitionTable<ClaimStatus, ClaimCommand> Claim = new(
        (ClaimStatus.Waiting, ClaimCommand.Approve, ClaimStatus.Approved),
        (ClaimStatus.Waiting, ClaimCommand.Decline, ClaimStatus.Declined));

    public static readonly TransitionTable<NominationState, NominationCommand> Nomination = new(
        (NominationState.Nominated, NominationCommand.Select, NominationState.Winner),
        (NominationState.Winner, NominationCommand.Unselect, NominationState.Nominated));
}
