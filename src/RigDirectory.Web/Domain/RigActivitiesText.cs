namespace RigDirectory.Web.Domain;

/// <summary>How activities and cadences read to a person.</summary>
public static class RigText
{
    public static readonly IReadOnlyList<RigActivities> AllActivities =
        Enum.GetValues<RigActivities>().Where(a => a != RigActivities.None).ToList();

    public static string DisplayName(this RigActivities activity) => activity switch
    {
        RigActivities.Talks => "Talks with radiologists",
        RigActivities.Workshops => "Hands-on workshops",
        RigActivities.Shadowing => "Shadowing",
        RigActivities.Research => "Research",
        RigActivities.JointSessions => "Joint sessions with other specialties",
        RigActivities.ArtificialIntelligence => "AI in radiology",
        RigActivities.Outreach => "Outreach",
        RigActivities.Mentoring => "Mentoring",
        RigActivities.CaseConferences => "Case conferences",
        RigActivities.ResidencyAdvising => "Residency application advice",
        _ => activity.ToString(),
    };

    public static IReadOnlyList<string> DisplayNames(RigActivities activities) =>
        AllActivities.Where(a => activities.HasFlag(a)).Select(DisplayName).ToList();

    public static string DisplayName(this MeetingCadence cadence) => cadence switch
    {
        MeetingCadence.Weekly => "Weekly",
        MeetingCadence.EveryTwoWeeks => "Every two weeks",
        MeetingCadence.Monthly => "Monthly",
        MeetingCadence.EachTerm => "Once or twice a term",
        MeetingCadence.Occasionally => "Occasionally",
        _ => "Not stated",
    };

    public static string DisplayName(this DegreeType degree) => degree == DegreeType.DO ? "DO (osteopathic)" : "MD (allopathic)";

    public static string CountryName(this Country country) => country == Country.CA ? "Canada" : "United States";
}
