namespace RigDirectory.Web.Domain;

/// <summary>
/// One region's coverage figures for a month, taken once early in that month by the background worker: the history
/// the console charts, so next year's curators see how coverage grew. National figures are the regions' sums.
/// </summary>
public class CoverageSnapshot
{
    public int Id { get; set; }

    /// <summary>The first day of the month the figures describe.</summary>
    public DateOnly Month { get; set; }

    public int RegionId { get; set; }
    public Region? Region { get; set; }

    public int Schools { get; set; }
    public int SchoolsWithRig { get; set; }
    public int Rigs { get; set; }
    public int VerifiedWithinYear { get; set; }
    public int NoOfficerAfterThisYear { get; set; }
    public int Mentors { get; set; }
    public int UpcomingEvents { get; set; }

    public DateTime TakenAt { get; set; }

    /// <summary>Made up by the demo data (earlier months); removed outside Development.</summary>
    public bool IsDemo { get; set; }
}
