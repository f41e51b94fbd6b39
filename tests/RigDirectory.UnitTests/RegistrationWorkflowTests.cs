using RigDirectory.Web.Domain;

namespace RigDirectory.UnitTests;

public sealed class RegistrationWorkflowTests
{
    [Theory]
    [InlineData(RigStatus.Draft, RigStatus.Submitted, RegistrationActor.Leader)]
    [InlineData(RigStatus.ChangesRequested, RigStatus.Submitted, RegistrationActor.Leader)]
    [InlineData(RigStatus.Submitted, RigStatus.Approved, RegistrationActor.Reviewer)]
    [InlineData(RigStatus.Submitted, RigStatus.ChangesRequested, RegistrationActor.Reviewer)]
    [InlineData(RigStatus.Submitted, RigStatus.Rejected, RegistrationActor.Reviewer)]
    [InlineData(RigStatus.Approved, RigStatus.Archived, RegistrationActor.Reviewer)]
    [InlineData(RigStatus.Archived, RigStatus.Approved, RegistrationActor.Reviewer)]
    public void Refusal_AllowedMove_IsNull(RigStatus from, RigStatus to, RegistrationActor actor)
    {
        Assert.Null(RegistrationWorkflow.Refusal(from, to, actor));
    }

    [Fact]
    public void Refusal_EveryOtherMove_IsExplained()
    {
        var allowed = new HashSet<(RigStatus, RigStatus, RegistrationActor)>
        {
            (RigStatus.Draft, RigStatus.Submitted, RegistrationActor.Leader),
            (RigStatus.ChangesRequested, RigStatus.Submitted, RegistrationActor.Leader),
            (RigStatus.Submitted, RigStatus.Approved, RegistrationActor.Reviewer),
            (RigStatus.Submitted, RigStatus.ChangesRequested, RegistrationActor.Reviewer),
            (RigStatus.Submitted, RigStatus.Rejected, RegistrationActor.Reviewer),
            (RigStatus.Approved, RigStatus.Archived, RegistrationActor.Reviewer),
            (RigStatus.Archived, RigStatus.Approved, RegistrationActor.Reviewer),
        };

        foreach (var from in Enum.GetValues<RigStatus>())
        {
            foreach (var to in Enum.GetValues<RigStatus>())
            {
                foreach (var actor in Enum.GetValues<RegistrationActor>())
                {
                    if (!allowed.Contains((from, to, actor)))
                    {
                        Assert.False(string.IsNullOrWhiteSpace(RegistrationWorkflow.Refusal(from, to, actor)), $"{from} → {to} by {actor} should be refused");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(RigStatus.Submitted, RigStatus.Approved, RegistrationActor.Leader, "Only ACR reviewers")]
    [InlineData(RigStatus.Draft, RigStatus.Submitted, RegistrationActor.Reviewer, "Only the RIG's leaders")]
    [InlineData(RigStatus.Submitted, RigStatus.Submitted, RegistrationActor.Leader, "already been submitted")]
    [InlineData(RigStatus.Draft, RigStatus.Approved, RegistrationActor.Reviewer, "must be submitted before")]
    [InlineData(RigStatus.Rejected, RigStatus.Submitted, RegistrationActor.Leader, "rejected and is closed")]
    [InlineData(RigStatus.Archived, RigStatus.Submitted, RegistrationActor.Leader, "archived; an admin can restore it")]
    [InlineData(RigStatus.Submitted, RigStatus.Archived, RegistrationActor.Reviewer, "Only an approved RIG can be archived")]
    [InlineData(RigStatus.Approved, RigStatus.Archived, RegistrationActor.Leader, "Only ACR reviewers")]
    public void Refusal_SaysWhy(RigStatus from, RigStatus to, RegistrationActor actor, string reason)
    {
        Assert.Contains(reason, RegistrationWorkflow.Refusal(from, to, actor), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RigStatus.Draft, true)]
    [InlineData(RigStatus.ChangesRequested, true)]
    [InlineData(RigStatus.Submitted, false)]
    [InlineData(RigStatus.Approved, false)]
    [InlineData(RigStatus.Rejected, false)]
    public void IsEditableByLeaders_OnlyBeforeReview(RigStatus status, bool expected)
    {
        Assert.Equal(expected, RegistrationWorkflow.IsEditableByLeaders(status));
    }
}
