using RigDirectory.Web.Domain;

namespace RigDirectory.UnitTests;

/// <summary>
/// Every lifecycle's table, walked pair by pair: each (state, command) is allowed exactly when the list below says,
/// and leads where it says. The RIG's own table is walked by <see cref="RegistrationWorkflowTests"/>.
/// </summary>
public sealed class TransitionTableTests
{
    [Fact]
    public void AnOfferToMentor() => WalkEveryPair(Lifecycles.MentorOffer,
        "Submitted -Offer-> Submitted", "ChangesRequested -Offer-> Submitted", "Withdrawn -Offer-> Submitted",
        "Active -Edit-> Active", "Paused -Edit-> Paused",
        "Submitted -Approve-> Active", "Submitted -RequestChanges-> ChangesRequested", "Submitted -Reject-> Rejected",
        "Active -Pause-> Paused", "Paused -Resume-> Active",
        "Submitted -Withdraw-> Withdrawn", "ChangesRequested -Withdraw-> Withdrawn", "Active -Withdraw-> Withdrawn", "Paused -Withdraw-> Withdrawn",
        "Submitted -Deactivate-> Deactivated", "ChangesRequested -Deactivate-> Deactivated", "Active -Deactivate-> Deactivated", "Paused -Deactivate-> Deactivated");

    [Fact]
    public void AMentorship() => WalkEveryPair(Lifecycles.Mentorship,
        "Requested -Accept-> Accepted", "Requested -Decline-> Declined", "Requested -Cancel-> Cancelled", "Requested -Expire-> Expired",
        "Accepted -End-> Ended");

    [Fact]
    public void AnEventRegistration() => WalkEveryPair(Lifecycles.EventSeat,
        "Cancelled -Register-> Registered", "Cancelled -Waitlist-> Waitlisted", "Waitlisted -Promote-> Registered",
        "Registered -Cancel-> Cancelled", "Waitlisted -Cancel-> Cancelled");

    [Fact]
    public void AFundingApplication() => WalkEveryPair(Lifecycles.FundingApplication,
        "Draft -Save-> Draft", "ChangesRequested -Save-> ChangesRequested", "Draft -Submit-> Submitted", "ChangesRequested -Submit-> Submitted",
        "Submitted -Award-> Awarded", "Submitted -Decline-> Declined", "Submitted -SendBack-> ChangesRequested");

    [Fact]
    public void AClaim() => WalkEveryPair(Lifecycles.Claim, "Waiting -Approve-> Approved", "Waiting -Decline-> Declined");

    [Fact]
    public void ANomination() => WalkEveryPair(Lifecycles.Nomination, "Nominated -Select-> Winner", "Winner -Unselect-> Nominated");

    [Fact]
    public void TheWalk_FailsOnAMoveTheListDoesNotName()
    {
        var table = new TransitionTable<ClaimStatus, ClaimCommand>((ClaimStatus.Waiting, ClaimCommand.Approve, ClaimStatus.Approved), (ClaimStatus.Declined, ClaimCommand.Approve, ClaimStatus.Approved));

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => WalkEveryPair(table, "Waiting -Approve-> Approved"));
    }

    private static void WalkEveryPair<TState, TCommand>(TransitionTable<TState, TCommand> table, params string[] moves)
        where TState : struct, Enum
        where TCommand : struct, Enum
    {
        var expected = moves.Select(m => m.Split(' ')).ToDictionary(p => (p[0], p[1].Trim('-', '>')), p => p[2]);
        foreach (var from in Enum.GetValues<TState>())
        {
            foreach (var command in Enum.GetValues<TCommand>())
            {
                var to = expected.GetValueOrDefault((from.ToString(), command.ToString()));
                Assert.True(to == table.To(from, command)?.ToString(), $"{from} -{command}-> expected {to ?? "refused"}, was {table.To(from, command)?.ToString() ?? "refused"}");
                Assert.Equal(to is not null, table.Allows(from, command));
            }
        }

        Assert.Equal(moves.Length, table.Moves.Count());
    }
}
