using System.Globalization;
using RigDirectory.Web.Domain;

namespace RigDirectory.UnitTests;

public sealed class FundingRulesTests
{
    private static DateTime At(string moment) => DateTime.SpecifyKind(DateTime.Parse(moment, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static FundingCall Call(bool recent = true) => new()
    {
        Slug = "c",
        Title = "C",
        Funds = "Workshops",
        RequiresRecentVerification = recent,
        OpensAt = Funding.OpensAt(new DateOnly(2027, 1, 4)),
        ClosesAt = Funding.ClosesAt(new DateOnly(2027, 1, 15)),
    };

    [Fact]
    public void ACall_OpensAndClosesOnAcrsEasternClock_TheCloseDayIncluded()
    {
        var call = Call();

        Assert.Equal(At("2027-01-04T05:00:00"), call.OpensAt);
        Assert.Equal(At("2027-01-16T05:00:00"), call.ClosesAt);
        Assert.False(call.IsOpen(At("2027-01-04T04:59:59")));
        Assert.True(call.IsOpen(At("2027-01-16T04:59:59")));
        Assert.False(call.IsOpen(At("2027-01-16T05:00:00")));
        Assert.Equal(new DateOnly(2027, 1, 15), Funding.ClosesOn(call.ClosesAt));
        Assert.Equal("11:59 PM Eastern Standard Time on Fri, Jan 15, 2027", Funding.DescribeClose(call.ClosesAt));
    }

    [Fact]
    public void TodayOnAcrsClock_IsYesterdayInUtcTermsOnAnEasternEvening()
    {
        Assert.Equal(new DateOnly(2026, 12, 5), Funding.OpensOn(At("2026-12-06T00:40:00")));
        Assert.Equal(new DateOnly(2026, 7, 1), Funding.OpensOn(Funding.OpensAt(new DateOnly(2026, 7, 1))));
    }

    [Theory]
    [InlineData(RigStatus.Approved, "2026-12-01", true, null)]
    [InlineData(RigStatus.Approved, "2025-11-01", true, "verified by their leaders within the last 12 months")]
    [InlineData(RigStatus.Approved, "2025-11-01", false, null)]
    [InlineData(RigStatus.Submitted, "2026-12-01", true, "Only RIGs approved")]
    public void Eligibility_IsAnApprovedRig_VerifiedWithin12MonthsWhenTheCallAsks(RigStatus status, string verified, bool recent, string? refusal)
    {
        var why = Funding.Ineligibility(Call(recent), status, At(verified), At("2020-01-01"), At("2026-12-05T12:00:00"));

        if (refusal is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains(refusal, why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Eligibility_CountsTheApprovalWhenLeadersHaveNotVerifiedYet()
    {
        Assert.Null(Funding.Ineligibility(Call(), RigStatus.Approved, null, At("2026-06-01"), At("2026-12-05")));
        Assert.NotNull(Funding.Ineligibility(Call(), RigStatus.Approved, null, null, At("2026-12-05")));
    }

    [Theory]
    [InlineData(null, "2027-01-10", null)]
    [InlineData(FundingStatus.Draft, "2027-01-03", "not open yet")]
    [InlineData(FundingStatus.Draft, "2027-01-16T06:00:00", "This call closed")]
    [InlineData(FundingStatus.ChangesRequested, "2027-03-01", null)]
    [InlineData(FundingStatus.Submitted, "2027-01-10", "is submitted")]
    [InlineData(FundingStatus.Awarded, "2027-01-10", "is awarded")]
    public void Leaders_EditDraftsWhileTheCallIsOpen_AndWhatACRSentBackAtAnyTime(FundingStatus? status, string now, string? refusal)
    {
        var call = Call();
        var why = Funding.WhyLeadersCannotEdit(status, call.OpensAt, call.ClosesAt, At(now));

        if (refusal is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains(refusal, why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheReport_IsDueForAnAwardOnceItsEventHasStarted_AndOnlyOnce()
    {
        var now = At("2027-02-01");

        Assert.True(Funding.ReportDue(FundingStatus.Awarded, null, now.AddHours(-1), now));
        Assert.False(Funding.ReportDue(FundingStatus.Awarded, null, now.AddHours(1), now));
        Assert.False(Funding.ReportDue(FundingStatus.Awarded, now.AddDays(-1), now.AddDays(-2), now));
        Assert.False(Funding.ReportDue(FundingStatus.Submitted, null, now.AddDays(-2), now));
        Assert.False(Funding.ReportDue(FundingStatus.Awarded, null, null, now));
    }

    [Theory]
    [InlineData("Best outreach", 2027, "Best outreach 2027")]
    [InlineData("Outstanding RIG 2027", 2027, "Outstanding RIG 2027")]
    [InlineData("  Rising RIG ", 2026, "Rising RIG 2026")]
    public void AnAwardsTitle_HasItsYearOnce(string name, int year, string title) => Assert.Equal(title, Award.TitleOf(name, year));
}
