using System.Globalization;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Stewardship.Coverage;

namespace RigDirectory.UnitTests;

public sealed class StewardshipRulesTests
{
    private static DateTime At(string moment) => DateTime.SpecifyKind(DateTime.Parse(moment, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-11-28", 0, "2027-10-27", 0)]
    [InlineData("2026-11-28", 0, "2027-10-28", 1)]
    [InlineData("2026-11-28", 1, "2027-10-30", 0)]
    [InlineData("2026-11-28", 1, "2027-11-28", 2)]
    [InlineData("2026-11-28", 0, "2027-12-15", 2)]
    [InlineData("2026-11-28", 2, "2028-06-01", 0)]
    public void VerificationReminder_IsDueAt11ThenAt12Months_OnceEach_AndALateWorkerSendsOnlyTheLast(string since, int sent, string now, int due) =>
        Assert.Equal(due, Stewardship.VerificationReminderDue(At(since), sent, At(now)));

    [Theory]
    [InlineData("2027-06-30T23:59:59", 2026)]
    [InlineData("2027-07-01T00:00:00", 2027)]
    [InlineData("2027-01-01T00:00:00", 2026)]
    public void TheLastClassWhoseTermsEnded_ChangesOn1July(string now, int lastEnded) =>
        Assert.Equal(lastEnded, Stewardship.LastEndedClass(At(now)));

    [Theory]
    [InlineData("2027-02-28T23:00:00", false)]
    [InlineData("2027-03-01T00:00:00", true)]
    [InlineData("2027-06-30T12:00:00", true)]
    [InlineData("2027-07-01T00:00:00", false)]
    [InlineData("2026-12-05T00:00:00", false)]
    public void SuccessionSeason_RunsFrom1MarchTo30June(string now, bool season) =>
        Assert.Equal(season, Stewardship.IsSuccessionSeason(At(now)));

    [Theory]
    [InlineData(2026, "2026-12-05", "Enter a year from 2027 to 2035.")]
    [InlineData(2027, "2027-03-01", null)]
    [InlineData(2027, "2027-07-01", "Enter a year from 2028 to 2036.")]
    public void AGraduationYear_WhoseTermHasEnded_IsRefused(int year, string now, string? refusal) =>
        Assert.Equal(refusal, GraduationYears.Refusal(year, At(now)));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(19, 0)]
    [InlineData(20, 1)]
    [InlineData(66, 3)]
    [InlineData(100, 4)]
    public void CoverageMap_ShadesInBandsOfTwentyPercent(int percent, int bucket) =>
        Assert.Equal(bucket, CoverageMap.BucketOf(percent));

    [Theory]
    [InlineData("Brown", "%Brown%")]
    [InlineData(" 100% _real_ ", "%100\\% \\_real\\_%")]
    [InlineData("a\\b", "%a\\\\b%")]
    public void LikePattern_EscapesWhatTheCuratorTyped(string text, string pattern) =>
        Assert.Equal(pattern, LikePatterns.Containing(text));
}
