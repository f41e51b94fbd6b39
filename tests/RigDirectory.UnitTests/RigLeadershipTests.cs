using RigDirectory.Web.Domain;

namespace RigDirectory.UnitTests;

public sealed class RigLeadershipTests
{
    private static Rig Rig() => new()
    {
        Slug = "r",
        Name = "R",
        CreatedByUserId = "starter",
        Officers =
        [
            new RigOfficer { UserId = "officer", Position = "President" },
            new RigOfficer { UserId = "graduated", Position = "Treasurer", EndedAt = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc) },
        ],
    };

    [Theory]
    [InlineData("starter", true)]
    [InlineData("officer", true)]
    [InlineData("graduated", false)]
    [InlineData("stranger", false)]
    public void IsLedBy_CurrentOfficersAndTheStarter(string userId, bool expected)
    {
        Assert.Equal(expected, Rig().IsLedBy(userId));
    }

    [Theory]
    [InlineData("starter", 1)]
    [InlineData("officer", 1)]
    [InlineData("graduated", 0)]
    public void LedBy_AsAQuery_AppliesTheSameRule(string userId, int expected)
    {
        Assert.Equal(expected, new[] { Rig() }.AsQueryable().LedBy(userId).Count());
    }
}
