using RigDirectory.Web.Data.Seed;
using RigDirectory.Web.Features.Stewardship.Coverage;

namespace RigDirectory.UnitTests;

public sealed class DemoCoverageHistoryTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 18, 0, 0, DateTimeKind.Utc);

    private static readonly CoverageRow[] Today =
    [
        new(7, "us-region-7", "Northeast", 30, 20, 20, 15, 4, 12, 40),
        new(10, "ca-region-1", "Ontario", 6, 0, 0, 0, 0, 1, 0),
    ];

    [Fact]
    public void EachRegion_GetsThirtyFiveEarlierMonths_BeforeThisOne()
    {
        var history = DemoCoverageHistory.Generate(Today, Now);

        Assert.Equal(35 * 2, history.Count);
        Assert.All(history, s => Assert.True(s.IsDemo));
        Assert.Equal(new DateOnly(2026, 11, 1), history.Max(s => s.Month));
        Assert.Equal(new DateOnly(2024, 1, 1), history.Min(s => s.Month));
        Assert.Equal(history.Count, history.Select(s => (s.Month, s.RegionId)).Distinct().Count());
    }

    [Fact]
    public void Coverage_GrowsMonthByMonth_AndNeverPassesToday()
    {
        var northeast = DemoCoverageHistory.Generate(Today, Now).Where(s => s.RegionId == 7).OrderBy(s => s.Month).ToList();

        Assert.Equal(8, northeast[0].SchoolsWithRig);
        Assert.All(northeast.Zip(northeast.Skip(1)), pair => Assert.True(pair.First.SchoolsWithRig <= pair.Second.SchoolsWithRig));
        Assert.All(northeast, s => Assert.True(s.SchoolsWithRig <= 20 && s.Schools == 30 && s.Mentors <= 12));
    }
}
