using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Stewardship.Coverage;

namespace RigDirectory.Web.Data.Seed;

/// <summary>
/// Three years of made-up monthly snapshots for the demo, so the console's chart has a past: each region's figures
/// grow steadily from 40% of today's, 35 months ago, to today's (the worker takes the current month itself).
/// </summary>
public static class DemoCoverageHistory
{
    public const int EarlierMonths = CoverageHistory.MonthsShown - 1;

    public static List<CoverageSnapshot> Generate(IReadOnlyList<CoverageRow> today, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(today);
        var thisMonth = CoverageHistory.MonthOf(now);
        var snapshots = new List<CoverageSnapshot>();
        for (var ago = 1; ago <= EarlierMonths; ago++)
        {
            var share = 1 - (0.6 * ago / EarlierMonths);
            var month = thisMonth.AddMonths(-ago);
            snapshots.AddRange(today.Select(row => new CoverageSnapshot
            {
                Month = month,
                RegionId = row.RegionId,
                Schools = row.Schools,
                SchoolsWithRig = Scaled(row.SchoolsWithRig, share),
                Rigs = Scaled(row.Rigs, share),
                VerifiedWithinYear = Scaled(row.VerifiedWithinYear, share),
                NoOfficerAfterThisYear = Scaled(row.NoOfficerAfterThisYear, share),
                Mentors = Scaled(row.Mentors, share),
                UpcomingEvents = Scaled(row.UpcomingEvents, share),
                TakenAt = month.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                IsDemo = true,
            }));
        }

        return snapshots;
    }

    private static int Scaled(int value, double share) => (int)Math.Floor(value * share);
}
