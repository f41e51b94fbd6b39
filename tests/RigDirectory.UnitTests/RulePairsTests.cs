using System.Linq.Expressions;
using RigDirectory.Web.Domain;

namespace RigDirectory.UnitTests;

/// <summary>
/// Where a rule is needed both in SQL (an expression over the entity) and on a loaded row (a function of its status),
/// the two say the same for every status, so that neither can drift from the other.
/// </summary>
public sealed class RulePairsTests
{
    [Fact]
    public void RigRules_AgreeInQueriesAndInMemory()
    {
        static void Rigs(Expression<Func<Rig, bool>> query, Func<RigStatus, bool> loaded) => Agree(s => new Rig { Slug = "r", Name = "R", Status = s }, query, loaded);
        Rigs(RegistrationWorkflow.Approved, RegistrationWorkflow.IsApproved);
        Rigs(RegistrationWorkflow.AwaitingReview, RegistrationWorkflow.AwaitingDecision);
        Rigs(RegistrationWorkflow.EditableByLeaders, RegistrationWorkflow.IsEditableByLeaders);
        Rigs(RegistrationWorkflow.IsBeingRegistered, RegistrationWorkflow.BeingRegistered);
    }

    [Fact]
    public void MentoringRules_AgreeInQueriesAndInMemory()
    {
        static void Mentors(Expression<Func<MentorProfile, bool>> query, Func<MentorStatus, bool> loaded) =>
            Agree(s => new MentorProfile { UserId = "u", Institution = "I", City = "C", JurisdictionCode = "MA", Bio = "B", Status = s }, query, loaded);
        static void Requests(Expression<Func<Mentorship, bool>> query, Func<MentorshipStatus, bool> loaded) =>
            Agree(s => new Mentorship { StudentUserId = "u", Message = "m", Status = s }, query, loaded);
        Mentors(MentoringRules.IsFindable, MentoringRules.Findable);
        Mentors(MentoringRules.IsApproved, MentoringRules.Approved);
        Mentors(MentoringRules.OfferAwaitingReview, s => Lifecycles.MentorOffer.Allows(s, MentorCommand.Approve));
        Requests(MentoringRules.AwaitingAnswer, MentoringRules.Waiting);
        Requests(MentoringRules.Ongoing, MentoringRules.UnderWay);
        Requests(MentoringRules.IsOpen, MentoringRules.Open);
    }

    [Fact]
    public void EventRules_AgreeInQueriesAndInMemory()
    {
        static void Seats(Expression<Func<EventRegistration, bool>> query, Func<RegistrationStatus, bool> loaded) =>
            Agree(s => new EventRegistration { UserId = "u", Status = s }, query, loaded);
        Agree(s => new Event { Title = "E", Status = s }, EventRules.Scheduled, (Func<EventStatus, bool>)EventRules.IsScheduled);
        Seats(EventRules.HoldsSeat, EventRules.HasSeat);
        Seats(EventRules.Waiting, EventRules.IsWaiting);
        Seats(EventRules.Concerned, s => EventRules.HasSeat(s) || EventRules.IsWaiting(s));
    }

    [Fact]
    public void FundingSchoolAndClaimRules_AgreeInQueriesAndInMemory()
    {
        Agree(s => new FundingApplication { Status = s }, Funding.Drafts, (Func<FundingStatus, bool>)Funding.IsDraft);
        Agree(s => new FundingApplication { Status = s }, Funding.Submitted, (FundingStatus s) => !Funding.IsDraft(s));
        Agree(s => new RigClaim { UserId = "u", Position = "P", Message = "m", SponsorName = "S", SponsorEmail = "s@example.org", Status = s }, Stewardship.ClaimWaiting, (Func<ClaimStatus, bool>)Stewardship.IsWaiting);
        Agree(s => new School { Slug = "s", Name = "S", City = "C", JurisdictionCode = "MA", Status = s }, School.Requested, (Func<SchoolStatus, bool>)School.IsRequested);
    }

    private static void Agree<TEntity, TStatus>(Func<TStatus, TEntity> make, Expression<Func<TEntity, bool>> query, Func<TStatus, bool> loaded)
        where TStatus : struct, Enum
    {
        var compiled = query.Compile();
        foreach (var status in Enum.GetValues<TStatus>())
        {
            Assert.True(compiled(make(status)) == loaded(status), $"{query} and its in-memory twin disagree on {status}.");
        }
    }
}
