using RigDirectory.Web.Domain;

namespace RigDirectory.UnitTests;

public sealed class RigFreshnessTests
{
    private static readonly DateTime Now = new(2027, 3, 15, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-02-16", null, false)]
    [InlineData("2026-02-14", null, true)]
    [InlineData(null, "2026-02-14", true)]
    [InlineData(null, "2026-12-01", false)]
    [InlineData("2026-12-01", "2020-01-01", false)]
    [InlineData(null, null, false)]
    public void ARig_IsStale_ThirteenMonthsAfterItsLastConfirmation_OrItsApproval(string? verified, string? approved, bool stale)
    {
        static DateTime? At(string? day) => day is null ? null : DateTime.SpecifyKind(DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        Assert.Equal(stale, RigFreshness.IsStale(At(verified), At(approved), Now));
    }
}
