using RigDirectory.Web.Domain;

namespace RigDirectory.UnitTests;

public sealed class ImpactRulesTests
{
    /// <summary>Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I (Wilson score, method 3), and 7 of 10.</summary>
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    [InlineData(7, 10, 0.3968, 0.8922)]
    public void Wilson_MatchesPublishedIntervals(int count, int total, double low, double high)
    {
        var share = ImpactRules.Wilson(count, total);

        Assert.Equal(low, share.Low, 4);
        Assert.Equal(high, share.High, 4);
        Assert.Equal((double)count / total, share.Share, 10);
    }

    [Fact]
    public void Wilson_AllOfFiveAgreeing_StillSpansFrom57Percent_AndNeverLeavesZeroToOne()
    {
        var all = ImpactRules.Wilson(5, 5);
        var none = ImpactRules.Wilson(0, 5);

        Assert.Equal(0.5655, all.Low, 4);
        Assert.Equal(1, all.High);
        Assert.Equal(0, none.Low);
        Assert.Equal(0.4345, none.High, 4);
    }

    [Fact]
    public void Wilson_RefusesCountsThatCannotBe()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImpactRules.Wilson(6, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImpactRules.Wilson(-1, 5));
        Assert.Equal((0d, 1d), (ImpactRules.Wilson(0, 0).Low, ImpactRules.Wilson(0, 0).High));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    public void Agrees_IsFourOrFive(int score, bool agrees) => Assert.Equal(agrees, ImpactRules.Agrees(score));

    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(478, true)]
    public void AGroup_IsShownFromFiveAnswers(int answers, bool shown) => Assert.Equal(shown, ImpactRules.Shown(answers));

    [Fact]
    public void Describe_GivesTheShareAndInterval_OrSaysTooFew()
    {
        Assert.Equal("70% (40–89%)", ImpactRules.Describe(ImpactRules.Wilson(7, 10)));
        Assert.Equal("fewer than 5 answers", ImpactRules.Describe(ImpactRules.Wilson(3, 4)));
    }

    [Fact]
    public void Paired_UsesOnlyAnswersWithBothHalves_AndGivesTheMeanDifference()
    {
        var means = ImpactRules.Paired([(3, 4), (2, 5), (null, 5), (4, null), (1, 1), (0, 5)]);

        Assert.Equal(3, means.Pairs);
        Assert.Equal(2, means.Before, 10);
        Assert.Equal(10d / 3, means.After, 10);
        Assert.Equal(4d / 3, means.Difference, 10);
        Assert.Equal(0, ImpactRules.Paired([]).Pairs);
    }

    [Fact]
    public void CheckInCodes_AreEightUnambiguousRandomCharacters()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => CheckInCodes.New()).ToList();

        Assert.All(codes, code => Assert.Equal(code, CheckInCodes.Normalize(code)));
        Assert.All(codes, code => Assert.DoesNotContain(code, c => "01OIULo".Contains(c, StringComparison.Ordinal)));
        Assert.Equal(200, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("ABCD-EFGH", "ABCDEFGH")]
    [InlineData("abcd efgh", "ABCDEFGH")]
    [InlineData(" 2345 6789 ", "23456789")]
    [InlineData("ABCD-EFG", null)]
    [InlineData("ABCD-EFGHJ", null)]
    [InlineData("ABCD-EFG0", null)]
    [InlineData("ABCD-EFGI", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void CheckInCodes_ReadWhatPeopleType_AndRefuseWhatCannotBeACode(string? typed, string? code) => Assert.Equal(code, CheckInCodes.Normalize(typed));

    [Fact]
    public void CheckInCodes_AreShownInTwoGroups_AndALongInputIsRefusedBeforeReading()
    {
        Assert.Equal("ABCD-EFGH", CheckInCodes.Display("ABCDEFGH"));
        Assert.Null(CheckInCodes.Normalize(new string(' ', 30) + "ABCDEFGH"));
    }
}
